export { foldVietnamese, isVaguePhrase, normalizeAgencyName } from './normalize';
export {
  AgencyDirectory,
  type DirectoryAgency,
  type DirectoryAlias,
  type DirectoryData,
  type DirectoryGroupMember,
  type ResolvedAgency,
  type ResolvedCell,
  type UnresolvedName,
} from './directory';
