/** The JavaScript a page of the built web app loads before it is interactive (see route-js.mjs). */
export function routeJs(routeId: string): {
  route: string;
  files: number;
  rawKB: number;
  gzipKB: number;
};
