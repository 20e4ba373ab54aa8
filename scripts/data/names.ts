// Name pools for the synthetic directory (scripts/gen-directory.ts) and the evaluation set
// (tests/recognition/). Japanese names are kanji:kana pairs, roughly in order of frequency;
// the latin spelling is derived from the kana (passport Hepburn) so the three always agree.

const pairs = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [kanji, kana] = pair.split(':');
      return { kanji, kana };
    });

export const JAPANESE_FAMILY_NAMES = pairs(`
佐藤:さとう 鈴木:すずき 高橋:たかはし 田中:たなか 伊藤:いとう 渡辺:わたなべ 山本:やまもと 中村:なかむら 小林:こばやし 加藤:かとう
吉田:よしだ 山田:やまだ 佐々木:ささき 山口:やまぐち 松本:まつもと 井上:いのうえ 木村:きむら 林:はやし 斎藤:さいとう 清水:しみず
山崎:やまざき 森:もり 池田:いけだ 橋本:はしもと 阿部:あべ 石川:いしかわ 山下:やました 中島:なかじま 石井:いしい 小川:おがわ
前田:まえだ 岡田:おかだ 長谷川:はせがわ 藤田:ふじた 後藤:ごとう 近藤:こんどう 村上:むらかみ 遠藤:えんどう 青木:あおき 坂本:さかもと
斉藤:さいとう 福田:ふくだ 太田:おおた 西村:にしむら 藤井:ふじい 金子:かねこ 岡本:おかもと 藤原:ふじわら 中野:なかの 三浦:みうら
原田:はらだ 中川:なかがわ 松田:まつだ 竹内:たけうち 小野:おの 田村:たむら 中山:なかやま 和田:わだ 石田:いしだ 森田:もりた
上田:うえだ 原:はら 内田:うちだ 柴田:しばた 酒井:さかい 宮崎:みやざき 横山:よこやま 高木:たかぎ 安藤:あんどう 宮本:みやもと
大野:おおの 小島:こじま 谷口:たにぐち 今井:いまい 工藤:くどう 高田:たかだ 増田:ますだ 丸山:まるやま 杉山:すぎやま 村田:むらた
大塚:おおつか 新井:あらい 小山:こやま 平野:ひらの 藤本:ふじもと 河野:こうの 上野:うえの 野口:のぐち 武田:たけだ 松井:まつい
千葉:ちば 岩崎:いわさき 菅原:すがわら 木下:きのした 久保:くぼ 佐野:さの 野村:のむら 松尾:まつお 市川:いちかわ 菊地:きくち
杉本:すぎもと 古川:ふるかわ 大西:おおにし 島田:しまだ 水野:みずの 桜井:さくらい 高野:たかの 渡部:わたなべ 吉川:よしかわ 山内:やまうち
西田:にしだ 飯田:いいだ 菊池:きくち 西川:にしかわ 小松:こまつ 北村:きたむら 安田:やすだ 五十嵐:いがらし 川口:かわぐち 平田:ひらた
関:せき 中田:なかた 久保田:くぼた 服部:はっとり 東:ひがし 岩田:いわた 土屋:つちや 川崎:かわさき 福島:ふくしま 本田:ほんだ
辻:つじ 樋口:ひぐち 秋山:あきやま 田口:たぐち 永井:ながい 山中:やまなか 中西:なかにし 吉村:よしむら 川上:かわかみ 大橋:おおはし
石原:いしはら 松岡:まつおか 馬場:ばば 浜田:はまだ 森本:もりもと 星野:ほしの 矢野:やの 浅野:あさの 大久保:おおくぼ 松下:まつした
吉井:よしい 本間:ほんま 大槻:おおつき 神田:かんだ 榊原:さかきばら 大場:おおば 名取:なとり 羽生:はにゅう 真田:さなだ 都築:つづき
`);

export const JAPANESE_GIVEN_NAMES = pairs(`
太郎:たろう 健:けん 翔:しょう 大輔:だいすけ 拓也:たくや 直樹:なおき 翔太:しょうた 健太:けんた 一郎:いちろう 浩:ひろし
誠:まこと 蓮:れん 大翔:ひろと 陽斗:はると 悠真:ゆうま 湊:みなと 颯太:そうた 大和:やまと 陸:りく 樹:いつき
健一:けんいち 達也:たつや 和也:かずや 雄一:ゆういち 隆:たかし 修:おさむ 学:まなぶ 剛:つよし 亮:りょう 淳:じゅん
純一:じゅんいち 俊介:しゅんすけ 慎一:しんいち 真一:しんいち 康平:こうへい 航:わたる 悠斗:ゆうと 優太:ゆうた 涼介:りょうすけ 圭:けい
勇気:ゆうき 祐介:ゆうすけ 裕太:ゆうた 正樹:まさき 秀樹:ひでき 浩二:こうじ 英治:えいじ 洋平:ようへい 健二:けんじ 順平:じゅんぺい
慎之介:しんのすけ 新平:しんぺい 龍之介:りゅうのすけ 光太郎:こうたろう 大地:だいち 海斗:かいと 智也:ともや 哲也:てつや 徹:とおる 優:ゆう
花子:はなこ 陽菜:ひな 結衣:ゆい 美咲:みさき 裕子:ゆうこ 恵:めぐみ 愛:あい さくら:さくら 葵:あおい 凛:りん
結菜:ゆいな 芽依:めい 莉子:りこ 美羽:みう 杏:あん 彩:あや 真由美:まゆみ 智子:ともこ 久美子:くみこ 由美:ゆみ
直美:なおみ 明美:あけみ 洋子:ようこ 京子:きょうこ 幸子:さちこ 陽子:ようこ 優子:ゆうこ 千尋:ちひろ 麻衣:まい 舞:まい
香織:かおり 沙織:さおり 奈々:なな 美穂:みほ 理恵:りえ 綾香:あやか 玲奈:れいな 遥:はるか 楓:かえで 瞳:ひとみ
友美:ともみ 雅美:まさみ 由紀:ゆき 優希:ゆうき 千夏:ちなつ 菜摘:なつみ 彩花:あやか 真央:まお 春香:はるか 桃子:ももこ
`);

export const WESTERN_FIRST_NAMES = `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Emily Michelle Laura Rebecca
Sofia Lucas Emma Liam Olivia Noah Hugo Louis Camille Chloe Julien Manon Antoine Elodie Mathieu Claire Nicolas Juliette Pierre Amelie
Marcos Pablo Diego Javier Carmen Lucia Alejandro Isabel Sergio Elena Carlos Marta Alvaro Ines Raul Beatriz Andres Paula Jorge Nuria
Lukas Leon Felix Jonas Maximilian Hannah Lea Anna Lena Katharina Tobias Julia Moritz Johanna Florian Sophie Sebastian Miriam Niklas Franziska
Erik Lars Johan Anders Nils Ingrid Astrid Freja Sigrid Karin Henrik Oskar Elsa Maja Linnea Magnus Sven Britt Mats Annika
Giulia Francesco Alessandro Chiara Matteo Federica Lorenzo Valentina Davide Martina Arjun Priya Rahul Ananya Vikram Deepa Wei Mei Jun Hao
Olga Dmitri Katarzyna Piotr Agnieszka Tomasz Zofia Jakub Eva Pavel Aoife Sean Niamh Ciaran Siobhan Fatima Omar Layla Yusuf Amira
`.trim().split(/\s+/);

export const WESTERN_LAST_NAMES = `
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin
Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Lindberg Lindqvist Berglund Sandberg Nyberg Holmberg Lund Dahl Strand Ek
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroder Neumann Schwarz Zimmermann Braun Kruger
Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Mercier
Ruiz Moreno Munoz Alonso Romero Navarro Dominguez Gil Vazquez Serrano Blanco Molina Castro Ortiz Rubio Marin Sanz Iglesias Medina Garrido
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti
Kowalski Nowak Wisniewski Wojcik Kaminski Novak Horvat Popescu Ivanov Petrov OBrien Murphy Kelly Walsh Byrne Ryan OConnor Doyle McCarthy Gallagher
Patel Sharma Singh Kumar Gupta Reddy Iyer Nair Chen Wang Zhang Liu Yang Huang Zhao Wu Haddad Khalil Mansour Hassan
`.trim().split(/\s+/).map((name) => name.replace(/^O(?=[A-Z])/, "O'").replace(/^DeLuca$/, 'De Luca'));

/** Current employers of alumni (with a few client organisations the demo also knows). */
export const EMPLOYERS = `
Spotify|Audiense|Rakuten|Mercari|LINE Yahoo|CyberAgent|SmartHR|freee|Money Forward|Recruit|Sony|Panasonic|Toyota|Hitachi|Fujitsu|NEC|SoftBank|KDDI
|NTT Data|Accenture|Deloitte|McKinsey & Company|Google|Microsoft|Amazon|Salesforce|SAP|Siemens|Ericsson|Nokia|Zalando|Klarna|Booking.com|Adyen|Shopify
|Telefonica|BBVA|Santander|Capgemini|Atos|Bosch|Philips|ING|Unilever|Nestle|Mynavi|Persol|DeNA|GREE|Cookpad|Sansan|Wantedly|Visional|Ubie
`.trim().replace(/\n/g, '').split('|');

export const DEPARTMENTS = ['Engineering', 'Design', 'Sales', 'Marketing', 'Product', 'Finance', 'HR', 'Legal', 'Customer Success', 'Data', 'Research', 'Operations'];

export const JOB_TITLES = ['Software Engineer', 'Product Manager', 'Designer', 'Sales Manager', 'Data Scientist', 'Engineering Manager', 'Consultant', 'Account Executive', 'CTO', 'Founder', 'Marketing Lead', 'Recruiter'];
