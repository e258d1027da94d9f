import type { Report, ReportBlock, ReportTable } from './report-model';

/**
 * Renders a report as GitHub-flavoured Markdown. Every value is escaped, so a
 * summary that happens to hold `|`, `*` or `<` prints as written instead of
 * breaking a table or turning into markup.
 */

const MARKDOWN_SPECIALS = /[\\`*_[\]<>|#~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, (special) => `\\${special}`).replace(/\r?\n/g, '<br>');
}

/** Code spans cannot escape a backtick, so a value holding one is shown as plain text. */
function code(text: string): string {
  return text.includes('`') || text.includes('\n') ? escapeMarkdown(text) : `\`${text}\``;
}

function cell(text: string, isCode: boolean | undefined): string {
  return isCode ? code(text) : escapeMarkdown(text);
}

function table({ columns, rows }: ReportTable): string[] {
  const header = `| ${columns.map((column) => escapeMarkdown(column.header)).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${columns.map((column, i) => cell(row[i] ?? '', column.code)).join(' | ')} |`);

  return [header, rule, ...body];
}

function block(content: ReportBlock): string[] {
  switch (content.kind) {
    case 'fields':
      return content.fields.map((field) => `- **${escapeMarkdown(field.label)}:** ${cell(field.value, field.code)}`);
    case 'table':
      return content.table.rows.length === 0 ? [escapeMarkdown(content.whenEmpty)] : table(content.table);
    case 'list':
      return [`**${escapeMarkdown(content.title)}**`, '', ...content.items.map((item) => `- ${escapeMarkdown(item)}`)];
    case 'text':
      return [escapeMarkdown(content.text)];
  }
}

export function renderMarkdown(report: Report): string {
  const lines = [`# ${escapeMarkdown(report.title)}`, '', escapeMarkdown(report.subtitle)];
  for (const section of report.sections) {
    lines.push('', `## ${escapeMarkdown(section.title)}`);
    for (const content of section.blocks) lines.push('', ...block(content));
  }

  return `${lines.join('\n')}\n`;
}
