import * as nodemailer from 'nodemailer';

/** What a link mail says: to whom, which link, until when (already in the school's words and time zone). */
export interface LinkMail {
  kind: 'invitation' | 'reset' | 'forced-reset';
  to: string;
  name: string;
  login: string;
  link: string;
  /** «8 сентября 2026 г., 12:00 (МСК)» */
  validUntil: string;
  /** The school that invites, for the invitation's first line. */
  schoolName?: string;
  /** Why the administration reset the password. */
  reason?: string;
}

export interface MailText {
  subject: string;
  text: string;
}

/** The Russian text of each link mail; the link itself is on a line of its own, so mail clients keep it whole. */
export function renderLinkMail(mail: LinkMail): MailText {
  const footer = [
    '',
    'Ссылка действует один раз. Если вы не ждали этого письма, просто удалите его: без ссылки ничего не изменится.',
    '— ВСОКО',
  ];
  switch (mail.kind) {
    case 'invitation':
      return {
        subject: 'Приглашение в ВСОКО: задайте пароль',
        text: [
          `${mail.name}, здравствуйте!`,
          '',
          `${mail.schoolName ? `Школа «${mail.schoolName}» приглашает` : 'Вас приглашают'} вас в систему ВСОКО.`,
          `Ваш логин: ${mail.login}`,
          'Чтобы войти в первый раз, откройте ссылку и придумайте пароль:',
          mail.link,
          `Ссылка действительна до ${mail.validUntil}.`,
          ...footer,
        ].join('\n'),
      };
    case 'reset':
      return {
        subject: 'ВСОКО: сброс пароля',
        text: [
          `${mail.name}, здравствуйте!`,
          '',
          `Для учётной записи ${mail.login} запрошен сброс пароля. Чтобы задать новый пароль, откройте ссылку:`,
          mail.link,
          `Ссылка действительна до ${mail.validUntil}. После смены пароля все открытые сеансы завершатся.`,
          ...footer,
        ].join('\n'),
      };
    case 'forced-reset':
      return {
        subject: 'ВСОКО: администрация сбросила ваш пароль',
        text: [
          `${mail.name}, здравствуйте!`,
          '',
          `Администрация школы сбросила пароль учётной записи ${mail.login}${mail.reason ? ` (причина: ${mail.reason})` : ''}.`,
          'Прежний пароль больше не действует, все сеансы завершены. Задайте новый пароль по ссылке:',
          mail.link,
          `Ссылка действительна до ${mail.validUntil}.`,
          ...footer,
        ].join('\n'),
      };
  }
}

/** Sends account mail over SMTP (SMTP_URL; the dev stack's capture in development and tests). */
export class AccountMailer {
  private readonly transport: nodemailer.Transporter;

  constructor(
    smtpUrl: string,
    private readonly from = 'ВСОКО <vsoko@localhost>',
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(mail: LinkMail, messageId: string): Promise<void> {
    const { subject, text } = renderLinkMail(mail);
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject,
      text,
      messageId: `<${messageId.replace(/[^\w.-]/g, '.')}@vsoko>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
