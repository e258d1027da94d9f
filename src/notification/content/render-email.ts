import type { NoticeDocument, NoticeSection } from './compose-notice';
import { escapeHtml } from './html-escape';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

function textSection(section: NoticeSection): string {
  return [
    section.heading.toUpperCase(),
    ...section.paragraphs,
    ...section.bullets.map((bullet) => `  - ${bullet}`),
  ].join('\n');
}

function htmlSection(section: NoticeSection): string {
  const paragraphs = section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const bullets = section.bullets.length
    ? [`<ul>${section.bullets.map((bullet) => `<li>${escapeHtml(bullet)}</li>`).join('')}</ul>`]
    : [];
  return [`<h2>${escapeHtml(section.heading)}</h2>`, ...paragraphs, ...bullets].join('\n');
}

/** The email notice as plain text and HTML; both carry every section. */
export function renderEmail(notice: NoticeDocument): EmailContent {
  const text = [notice.greeting, ...notice.sections.map(textSection), notice.closing].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${notice.language}"><head><meta charset="utf-8"><title>${escapeHtml(notice.subject)}</title></head><body>`,
    `<p>${escapeHtml(notice.greeting)}</p>`,
    ...notice.sections.map(htmlSection),
    `<p>${escapeHtml(notice.closing)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: notice.subject, text: `${text}\n`, html: `${html}\n` };
}
