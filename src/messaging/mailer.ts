import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface MailAddress {
  name: string;
  address: string;
}

/** One message; recipients are structured objects so names in any script are encoded correctly. */
export interface MailMessage {
  to: MailAddress[];
  subject: string;
  text: string;
  /** An HTML alternative to the text, when the message has one. */
  html?: string;
  /** A stable Message-ID, so a retried send can be recognised as the same message. */
  messageId: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string; accepted: number }>;
  close(): void;
}

/** A pooled SMTP mailer; the URL carries host, port, TLS and credentials. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const options: SMTPPool.Options = { pool: true, url: smtpUrl };
  const transport = nodemailer.createTransport(options);

  return {
    async send(message) {
      const envelope: Mail.Options = { from, ...message };
      const info = await transport.sendMail(envelope);
      return { messageId: info.messageId, accepted: info.accepted.length };
    },
    close() {
      transport.close();
    },
  };
}
