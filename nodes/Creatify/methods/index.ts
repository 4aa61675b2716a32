export { listSearch } from './listSearch';
export * as resourceMapping from './resourceMapping';
