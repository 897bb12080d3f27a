//! One place for spelling: traditional characters onto simplified ones, full-width digits
//! and punctuation onto ASCII, pronunciation glosses inside words (`經(jīng)費`, `預(yù)算`)
//! and spacing inside words (`经 费 总预 算`) dropped. Every reader of words in the claims
//! stage goes through here, so a check matches one spelling.

use crate::figure::fold_char;

/// Maps the traditional characters used in the keywords onto simplified ones.
pub fn simplify(c: char) -> char {
    const MAP: &[(char, char)] = &[
        ('與', '与'),
        ('減', '减'),
        ('長', '长'),
        ('預', '预'),
        ('決', '决'),
        ('異', '异'),
        ('數', '数'),
        ('萬', '万'),
        ('較', '较'),
        ('額', '额'),
        ('總', '总'),
        ('計', '计'),
        ('實', '实'),
        ('輛', '辆'),
        ('個', '个'),
        ('項', '项'),
        ('處', '处'),
        ('為', '为'),
        ('經', '经'),
        ('費', '费'),
        ('財', '财'),
        ('撥', '拨'),
        ('別', '别'),
        ('際', '际'),
        ('門', '门'),
        ('購', '购'),
        ('買', '买'),
        ('務', '务'),
        ('車', '车'),
        ('運', '运'),
        ('維', '维'),
        ('護', '护'),
        ('國', '国'),
        ('員', '员'),
        ('離', '离'),
        ('級', '级'),
        ('機', '机'),
        ('關', '关'),
        ('單', '单'),
        ('統', '统'),
        ('無', '无'),
        ('變', '变'),
        ('餘', '余'),
        ('結', '结'),
        ('轉', '转'),
        ('開', '开'),
        ('資', '资'),
        ('產', '产'),
        ('採', '采'),
        ('貨', '货'),
        ('報', '报'),
        ('專', '专'),
        ('辦', '办'),
        ('億', '亿'),
        ('發', '发'),
        ('當', '当'),
        ('佔', '占'),
        ('執', '执'),
        ('內', '内'),
        ('設', '设'),
        ('們', '们'),
        ('職', '职'),
        ('領', '领'),
        ('導', '导'),
        ('幹', '干'),
        ('檔', '档'),
        ('來', '来'),
        ('於', '于'),
        ('負', '负'),
        ('養', '养'),
        ('險', '险'),
        ('營', '营'),
        ('屬', '属'),
        ('繳', '缴'),
        ('補', '补'),
        ('貼', '贴'),
        ('醫', '医'),
        ('療', '疗'),
        ('稅', '税'),
        ('業', '业'),
        ('應', '应'),
        ('勞', '劳'),
        ('禮', '礼'),
        ('儀', '仪'),
        ('議', '议'),
        ('會', '会'),
        ('東', '东'),
        ('備', '备'),
        ('標', '标'),
        ('準', '准'),
        ('並', '并'),
        ('兩', '两'),
        ('這', '这'),
        ('後', '后'),
        ('從', '从'),
        ('歲', '岁'),
        ('價', '价'),
        ('積', '积'),
        ('體', '体'),
        ('況', '况'),
        ('說', '说'),
        ('衛', '卫'),
        ('條', '条'),
        ('趨', '趋'),
        ('勢', '势'),
        ('齊', '齐'),
        ('調', '调'),
    ];
    MAP.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)
}

/// A CJK ideograph (unified or compatibility).
pub fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

/// Length in chars of a pronunciation gloss starting at `chars[i]` (`(yù)`, `（jué）`),
/// brackets included; 0 when there is none.
pub fn gloss_len(chars: &[(usize, char)], i: usize) -> usize {
    let open = chars.get(i).map(|x| x.1);
    if !matches!(open, Some('(' | '（')) {
        return 0;
    }
    let mut k = i + 1;
    let mut letters = 0;
    while let Some(&(_, c)) = chars.get(k) {
        if c == ')' || c == '）' {
            let ok = letters > 0 && letters <= 8;
            return if ok { k - i + 1 } else { 0 };
        }
        let latin = c.is_alphabetic() && !is_cjk(c) && !c.is_uppercase();
        if !(latin || c.is_ascii_digit() || c == ' ') {
            return 0;
        }
        if latin {
            letters += 1;
        }
        k += 1;
    }
    0
}

/// One character as the readers compare it: folded to ASCII where it has a full-width
/// form, then simplified.
pub fn normalise_char(c: char) -> char {
    simplify(fold_char(c))
}

/// A label or title as the readers compare it: normalised characters, without glosses,
/// whitespace or emphasis marks.
pub fn normalise(s: &str) -> String {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        let g = gloss_len(&chars, i);
        if g > 0 {
            i += g;
            continue;
        }
        i += 1;
        let f = normalise_char(c);
        if !f.is_whitespace() && f != '*' {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_width_glosses_and_spacing() {
        assert_eq!(normalise("經(jīng)費"), "经费");
        assert_eq!(normalise("经 费 总预 算"), "经费总预算");
        assert_eq!(
            normalise("財政撥款收入支出決算總表"),
            "财政拨款收入支出决算总表"
        );
        assert_eq!(normalise("１２３．４５％"), "123.45%");
        // a bracketed note in capitals or in words is not a gloss
        assert_eq!(normalise("收入(GDP)"), "收入(GDP)");
        assert_eq!(normalise("收入（含结转）"), "收入（含结转）");
    }
}
