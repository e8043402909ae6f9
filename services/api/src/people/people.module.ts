import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { IdempotencyKeys } from '../shared/idempotency-keys';
import { AdminScope } from './admin-scope';
import { AssignPosition } from './assign-position/assign-position.service';
import { CreatePerson } from './create-person/create-person.service';
import { DeactivateAccount } from './deactivate-account/deactivate-account.service';
import { DirectoryFollower } from './directory-follower';
import { GetPerson } from './get-person/get-person.service';
import { ListInspectors } from './list-inspectors/list-inspectors.service';
import { ListPeople } from './list-people/list-people.service';
import { ListSchools } from './list-schools/list-schools.service';
import { OpenSchool } from './open-school/open-school.service';
import { PeopleController } from './people.controller';
import { ReactivateAccount } from './reactivate-account/reactivate-account.service';
import { RemovePosition } from './remove-position/remove-position.service';
import { PeopleLog } from './shared/people-log';

/** The organisation: the directory following its events, and the administration use cases. */
@Module({
  imports: [CredentialsModule],
  controllers: [PeopleController],
  providers: [
    DirectoryFollower,
    IdempotencyKeys,
    AdminScope,
    PeopleLog,
    OpenSchool,
    ListSchools,
    CreatePerson,
    AssignPosition,
    RemovePosition,
    DeactivateAccount,
    ReactivateAccount,
    GetPerson,
    ListPeople,
    ListInspectors,
  ],
  exports: [DirectoryFollower],
})
export class PeopleModule {}
