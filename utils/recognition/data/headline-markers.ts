// Words that turn a mention of our company in a headline into "used to work there".

/** Before the company: "ex-Sakura Digital", "Former engineer at …", "元さくらデジタル". */
export const FORMER_MARKERS_BEFORE = /(?:^|[^\p{L}])(?:ex|former(?:ly)?|previously|prev|past|alumn(?:us|a|i))(?:[^\p{L}]|$)|元|前職|旧/u;

/** After the company: "さくらデジタル出身", "Sakura Digital OB/OG", "Sakura Digital alumni". */
export const FORMER_MARKERS_AFTER = /^[\s:：-]*(?:出身|ob\b|og\b|ob\/og|og\/ob|alumn(?:us|a|i)\b|卒業|\(ex\)|\(former\))/u;

/** What may directly follow the company's name for the mention to be the whole name, not the start of another one ("Mynavi Travel"). */
export const ALLOWED_AFTER_MENTION =
  /^(?:$|[\s,.;:!?|/・、。()\-–—)]|出身|社員|勤務|在籍|卒業|の|で|に|を|から|ob|og|研究員|人事|営業|開発|広報|企画|技術|部長|課長|社長|役員|エンジニア|デザイナー|マネージャー|コンサルタント)/u;
