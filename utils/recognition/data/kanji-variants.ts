// Traditional (旧字体) and variant kanji that HR systems and profiles use interchangeably in
// names; folded to the everyday form so 髙橋 finds 高橋 and 渡邊 finds 渡辺. NFKC already folds
// the compatibility ideographs; these are separate code points it leaves alone.
export const KANJI_VARIANTS: Readonly<Record<string, string>> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 邊: '辺', 邉: '辺', 澤: '沢', 濱: '浜', 濵: '浜', 櫻: '桜', 廣: '広', 眞: '真',
  德: '徳', 國: '国', 齋: '斎', 齊: '斉', 槇: '槙', 冨: '富', 圓: '円', 實: '実', 惠: '恵', 榮: '栄', 藏: '蔵',
  嶋: '島', 嶌: '島', 峯: '峰', 𠮷: '吉', 澁: '渋', 淺: '浅', 瀨: '瀬', 會: '会', 亞: '亜', 惠美: '恵美', 黑: '黒',
  兒: '児', 緖: '緒', 彥: '彦', 條: '条', 團: '団', 萬: '万', 壽: '寿', 禮: '礼', 乘: '乗', 來: '来', 龍: '竜',
};
