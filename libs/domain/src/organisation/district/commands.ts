import type { Authority } from '../authority';

export type RegisterDistrict = {
  type: 'RegisterDistrict';
  data: { districtId: string; name: string; authority: Authority };
};

export type RegisterSchool = {
  type: 'RegisterSchool';
  data: { districtId: string; schoolId: string; name: string; authority: Authority };
};

export type DistrictCommand = RegisterDistrict | RegisterSchool;
