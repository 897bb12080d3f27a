//! One place for spelling: traditional characters onto simplified ones, full-width digits
//! and punctuation onto ASCII, pronunciation glosses inside words (`經(jīng)費`, `預(yù)算`)
//! and spacing inside words (`经 费 总预 算`) dropped. Every reader of words in the claims
//! stage goes through here, so a check matches one spelling.

use crate::figure::fold_char;

/// Maps the traditional characters used in the keywords onto simplified ones: one `match`
/// (a branch tree the compiler builds), not a scan of a table per character.
pub fn simplify(c: char) -> char {
    // every traditional form below is a CJK ideograph: ASCII and punctuation go straight by
    if c < '\u{4e00}' {
        return c;
    }
    match c {
        '並' => '并',
        '佔' => '占',
        '來' => '来',
        '個' => '个',
        '們' => '们',
        '備' => '备',
        '價' => '价',
        '儀' => '仪',
        '億' => '亿',
        '內' => '内',
        '兩' => '两',
        '別' => '别',
        '務' => '务',
        '勞' => '劳',
        '勢' => '势',
        '員' => '员',
        '單' => '单',
        '國' => '国',
        '執' => '执',
        '報' => '报',
        '實' => '实',
        '專' => '专',
        '導' => '导',
        '屬' => '属',
        '幹' => '干',
        '後' => '后',
        '從' => '从',
        '應' => '应',
        '採' => '采',
        '撥' => '拨',
        '數' => '数',
        '於' => '于',
        '會' => '会',
        '東' => '东',
        '條' => '条',
        '業' => '业',
        '標' => '标',
        '機' => '机',
        '檔' => '档',
        '歲' => '岁',
        '決' => '决',
        '況' => '况',
        '減' => '减',
        '壓' => '压',
        '縮' => '缩',
        '準' => '准',
        '為' => '为',
        '無' => '无',
        '營' => '营',
        '產' => '产',
        '異' => '异',
        '當' => '当',
        '療' => '疗',
        '發' => '发',
        '禮' => '礼',
        '稅' => '税',
        '積' => '积',
        '約' => '约',
        '級' => '级',
        '結' => '结',
        '統' => '统',
        '經' => '经',
        '維' => '维',
        '總' => '总',
        '繳' => '缴',
        '職' => '职',
        '與' => '与',
        '萬' => '万',
        '處' => '处',
        '衛' => '卫',
        '補' => '补',
        '規' => '规',
        '計' => '计',
        '設' => '设',
        '說' => '说',
        '調' => '调',
        '議' => '议',
        '護' => '护',
        '變' => '变',
        '負' => '负',
        '財' => '财',
        '貨' => '货',
        '買' => '买',
        '費' => '费',
        '貼' => '贴',
        '資' => '资',
        '購' => '购',
        '趨' => '趋',
        '車' => '车',
        '較' => '较',
        '輛' => '辆',
        '轉' => '转',
        '辦' => '办',
        '這' => '这',
        '運' => '运',
        '達' => '达',
        '醫' => '医',
        '長' => '长',
        '門' => '门',
        '開' => '开',
        '關' => '关',
        '際' => '际',
        '險' => '险',
        '離' => '离',
        '項' => '项',
        '預' => '预',
        '領' => '领',
        '額' => '额',
        '養' => '养',
        '餘' => '余',
        '體' => '体',
        '齊' => '齐',
        _ => c,
    }
}

/// A CJK ideograph (unified or compatibility).
pub fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

/// Length in bytes of a pronunciation gloss at the start of `s` (`(yù)`, `（jué）`),
/// brackets included; 0 when there is none.
pub fn gloss_bytes(s: &str) -> usize {
    let mut chars = s.char_indices();
    if !matches!(chars.next(), Some((_, '(' | '（'))) {
        return 0;
    }
    let mut letters = 0;
    for (k, c) in chars {
        if c == ')' || c == '）' {
            let ok = letters > 0 && letters <= 8;
            return if ok { k + c.len_utf8() } else { 0 };
        }
        let latin = c.is_alphabetic() && !is_cjk(c) && !c.is_uppercase();
        if !(latin || c.is_ascii_digit() || c == ' ') {
            return 0;
        }
        if latin {
            letters += 1;
        }
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
    // no opening bracket, no gloss: each character on its own, without the table of them
    if !s.contains(&['(', '（'][..]) {
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.chars()
                .map(normalise_char)
                .filter(|f| !f.is_whitespace() && *f != '*'),
        );
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        let g = gloss_bytes(s.get(i..).unwrap_or(""));
        if g > 0 {
            i += g;
            continue;
        }
        i += c.len_utf8();
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
