export { foldVietnamese, isVaguePhrase, normalizeAgencyName } from './normalize';
export { splitCount, splitLevelLabels, type LevelSegment } from './cell';
export { PROVINCE_NAMES } from './provinces';
export {
  AgencyDirectory,
  type CellNote,
  type CellPart,
  type DirectoryAgency,
  type DirectoryAlias,
  type DirectoryData,
  type DirectoryGroupMember,
  type ResolvedAgency,
  type ResolvedCell,
  type UnresolvedName,
} from './directory';
