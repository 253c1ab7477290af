import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The join form without JavaScript: GET /j?code=ABC347 -> /j/ABC347.
export const ssr = true;

export const load: PageServerLoad = ({ url }) => {
  const code = (url.searchParams.get('code') ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  redirect(303, code ? `/j/${code}` : '/');
};
