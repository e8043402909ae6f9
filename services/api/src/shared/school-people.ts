/** The school's own people, checked where a command names them (libs/accounts/src/school-people.ts). */
export { personAt, personIdsIn, personNotFound, requireSchoolPeople } from '@vsoko/accounts';
