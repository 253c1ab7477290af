// natural's storage modules call dotenv's config() on import, which logs to stdout unless quiet.
// Import this module before natural so batch commands keep stdout clean.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
export {};
