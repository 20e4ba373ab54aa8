/**
 * The alumni CSV columns. Headers match case-, width- and spacing-insensitively, and each column also
 * accepts the headers Japanese HR exports commonly use. Required columns must be present in the header.
 */
export const alumniCsvColumns = {
  employee_id: { required: true, aliases: ['社員番号', '従業員番号', '社員id', 'employee id', 'employee_no'] },
  display_name: { required: true, aliases: ['氏名', '名前', '社員名', 'name'] },
  kana: { required: false, aliases: ['フリガナ', 'ふりがな', 'よみがな', 'カナ', '氏名カナ', '氏名(カナ)'] },
  latin: { required: false, aliases: ['ローマ字', '英字氏名', '氏名(ローマ字)', '氏名(英字)', 'latin_name'] },
  former_names: { required: false, aliases: ['旧姓', '旧氏名', 'former_name'] },
  profile_urls: { required: false, aliases: ['プロフィールurl', 'profile_url', 'linkedin'] },
  tenure_from: { required: true, aliases: ['入社日', '入社年月', 'joined'] },
  tenure_to: { required: true, aliases: ['退職日', '退職年月', 'left'] },
  department: { required: false, aliases: ['部署', '所属部署', '所属', '最終所属'] },
  more_tenures: { required: false, aliases: ['その他の在籍期間', '過去の在籍期間'] },
  current_employer: { required: false, aliases: ['現勤務先', '現在の勤務先', '転職先'] },
  current_employer_org_id: { required: false, aliases: ['現勤務先id'] },
  current_title: { required: false, aliases: ['現役職', '現在の役職'] },
  consent_recognition: { required: true, aliases: ['認識同意', '表示同意', '同意(認識)'] },
  consent_offers: { required: true, aliases: ['オファー同意', '案内同意', '同意(オファー)'] },
  rehire_eligible: { required: false, aliases: ['再雇用可', '再雇用可否', 'rehire'] },
  owner_name: { required: false, aliases: ['担当者', '担当者名', 'relationship_owner'] },
  owner_email: { required: false, aliases: ['担当者メール', '担当者メールアドレス', 'relationship_owner_email'] },
} as const;

export type AlumniCsvColumn = keyof typeof alumniCsvColumns;

/** NFKC (full-width → half-width), lower case, spaces and hyphens as underscores: "Employee ID" → "employee_id". */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/[\s\-‐]+/gu, '_');
}

const headerLookup = new Map<string, AlumniCsvColumn>();
for (const [column, { aliases }] of Object.entries(alumniCsvColumns) as [AlumniCsvColumn, { aliases: readonly string[] }][]) {
  headerLookup.set(normaliseHeader(column), column);
  for (const alias of aliases) headerLookup.set(normaliseHeader(alias), column);
}

export function columnForHeader(header: string): AlumniCsvColumn | undefined {
  return headerLookup.get(normaliseHeader(header));
}
