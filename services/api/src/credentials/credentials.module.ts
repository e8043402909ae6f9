import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminScope } from '../people/admin-scope';
import { AcceptInvitation } from './accept-invitation/accept-invitation';
import { ChangePassword } from './change-password/change-password';
import { CompletePasswordReset } from './complete-reset/complete-reset';
import { CredentialsController } from './credentials.controller';
import { ForcePasswordReset } from './force-reset/force-reset';
import { IssueInvitation } from './issue-invitation/issue-invitation';
import { RequestPasswordReset } from './request-reset/request-reset';
import { CredentialLinks } from './shared/credential-links';
import { RedeemLink } from './shared/redeem-link';

/** Sign-in credentials: invitations, password changes, resets (requested or imposed). */
@Module({
  imports: [AuthModule],
  controllers: [CredentialsController],
  providers: [
    AdminScope,
    CredentialLinks,
    RedeemLink,
    IssueInvitation,
    AcceptInvitation,
    ChangePassword,
    RequestPasswordReset,
    CompletePasswordReset,
    ForcePasswordReset,
  ],
  exports: [IssueInvitation],
})
export class CredentialsModule {}
