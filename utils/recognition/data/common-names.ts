// Names so common that a match on the name proves little on its own: very frequent family names
// and given names. A directory name made of one from each list is "common" (佐藤 健, Taro Yamada,
// John Smith). Compared after the same folding as names (romaji canonical, kanji as written).
export const COMMON_FAMILY_NAMES: ReadonlySet<string> = new Set([
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水',
  'sato', 'suzuki', 'takahasi', 'tanaka', 'ito', 'watanabe', 'yamamoto', 'nakamura', 'kobayasi', 'kato', 'yosida', 'yamada', 'sasaki', 'yamaguti',
  'matumoto', 'inoe', 'kimura', 'hayasi', 'saito', 'simizu',
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'lee', 'wang', 'li', 'zhang', 'kim', 'nguyen',
  'muller', 'schmidt', 'martin', 'bernard', 'rossi', 'andersson', 'johansson', 'hansen',
]);

export const COMMON_GIVEN_NAMES: ReadonlySet<string> = new Set([
  '健', '翔', '大輔', '太郎', '花子', '誠', '蓮', '陽菜', '大翔', '拓也', '直樹', '裕子', '美咲', '翔太', '健太', '一郎', '浩', '恵', '愛',
  'ken', 'syo', 'daisuke', 'taro', 'hanako', 'makoto', 'ren', 'hina', 'hiroto', 'takuya', 'naoki', 'yuko', 'misaki', 'syota', 'kenta', 'itiro',
  'hirosi', 'megumi', 'ai',
  'john', 'james', 'robert', 'michael', 'william', 'david', 'mary', 'maria', 'jennifer', 'linda', 'anna', 'peter', 'thomas', 'daniel', 'sarah', 'laura',
  'jose', 'juan', 'wei', 'mohammed', 'muhammad',
]);
