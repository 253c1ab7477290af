import './quiet-dotenv';
import natural from 'natural';

/** natural, imported without its dotenv side effect on stdout. */
export default natural;
