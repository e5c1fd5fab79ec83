/**
 * Column headers of the OneRoster 1.2 CSV binding for every file the export writes, in the
 * binding's order, and the file names the 1.2 manifest lists. Source: 1EdTech OneRoster CSV
 * Binding 1.2.1 (Final Release, 22 August 2023), https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv,
 * cross-checked against public code found by code search: a zod schema of the 1.2 binding (every
 * file below and the manifest keys), and two exporters of the OneRoster Japan Profile, which is
 * built on 1.2 and lists `resourceSourcedIds` in users.csv between `userMasterIdentifier` and
 * `preferredGivenName` (the zod schema leaves that column out; we follow the profile).
 * Against 1.1: lineItems names `academicSessionSourcedId` (1.1: gradingPeriodSourcedId) and adds
 * `schoolSourcedId`; results puts `textScore` after `comment` and adds `classSourcedId`,
 * `inProgress`, `incomplete`, `late` and `missing`; users loses `orgSourcedIds` and `role` (now
 * roles.csv) and classes has `termSourcedIds`.
 */
const RECORD = ['sourcedId', 'status', 'dateLastModified'] as const;

export const ONEROSTER_COLUMNS = {
  academicSessions: [...RECORD, 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
  orgs: [...RECORD, 'name', 'type', 'identifier', 'parentSourcedId'],
  courses: [
    ...RECORD,
    'schoolYearSourcedId',
    'title',
    'courseCode',
    'grades',
    'orgSourcedId',
    'subjects',
    'subjectCodes',
  ],
  classes: [
    ...RECORD,
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  users: [
    ...RECORD,
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  roles: [
    ...RECORD,
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
    'userProfileSourcedId',
  ],
  enrollments: [
    ...RECORD,
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
  categories: [...RECORD, 'title', 'weight'],
  lineItems: [
    ...RECORD,
    'title',
    'description',
    'assignDate',
    'dueDate',
    'classSourcedId',
    'categorySourcedId',
    'academicSessionSourcedId',
    'resultValueMin',
    'resultValueMax',
    'schoolSourcedId',
  ],
  results: [
    ...RECORD,
    'lineItemSourcedId',
    'studentSourcedId',
    'scoreStatus',
    'score',
    'scoreDate',
    'comment',
    'textScore',
    'classSourcedId',
    'inProgress',
    'incomplete',
    'late',
    'missing',
  ],
} as const;

export type OneRosterFile = keyof typeof ONEROSTER_COLUMNS;

/** Every data file a 1.2 manifest names (`file.<name>`), in the binding's order. */
export const ONEROSTER_MANIFEST_FILES = [
  'academicSessions',
  'categories',
  'classes',
  'classResources',
  'courses',
  'courseResources',
  'demographics',
  'enrollments',
  'lineItemLearningObjectiveIds',
  'lineItems',
  'lineItemScoreScales',
  'orgs',
  'resources',
  'resultLearningObjectiveIds',
  'results',
  'resultScoreScales',
  'roles',
  'scoreScales',
  'userProfiles',
  'userResources',
  'users',
] as const;
