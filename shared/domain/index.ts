export * from './sectors';
export * from './roles';
