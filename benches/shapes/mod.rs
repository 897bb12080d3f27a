//! Generated inputs shared by the benchmark (`benches/throughput.rs`), the bounded-work
//! tests (`tests/hostile.rs`) and the generator example (`examples/gen.rs`): consistent
//! classification tables of any size, a long narrative, and the adversarial shapes of
//! issue 11 at a given size.
#![allow(dead_code)]

pub mod counting;

use std::fmt::Write as _;

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A 功能分类 支出决算表 of about `rows` rows: 类/款/项 codes (3/5/7 digits), columns
/// 合计 = 基本支出 + 项目支出, every parent the exact sum of its children and a 合计 row
/// on top; `sep` between cells (`'\t'` for Recount, `','` for a CSV).
pub fn classification(rows: usize, sep: char) -> String {
    let mut body = String::with_capacity(rows * 48);
    let (mut total_a, mut total_b) = (0i64, 0i64);
    let mut n = 1usize;
    let mut lei = 200u32;
    let row = |out: &mut String, code: &str, name: &str, a: i64, b: i64| {
        let _ = writeln!(
            out,
            "{code}{sep}{name}{sep}{}{sep}{}{sep}{}",
            money(a + b),
            money(a),
            money(b)
        );
    };
    while n < rows {
        lei += 1;
        let (mut lei_a, mut lei_b) = (0i64, 0i64);
        let mut kuans = String::new();
        let mut k = 0u32;
        // up to 99 款 of 19 项: 1,981 rows a 类, so 1M rows fit 3-digit 类 codes
        while k < 99 && n + 1 < rows {
            k += 1;
            let (mut ka, mut kb) = (0i64, 0i64);
            let mut xiangs = String::new();
            for x in 1..=19u32 {
                let seed =
                    i64::from(lei) * 7919 + i64::from(k) * 104_729 + i64::from(x) * 1_299_709;
                let a = seed % 1_000_000;
                let b = (seed / 7) % 300_000;
                ka += a;
                kb += b;
                row(
                    &mut xiangs,
                    &format!("{lei}{k:02}{x:02}"),
                    &format!("项目{x}"),
                    a,
                    b,
                );
            }
            lei_a += ka;
            lei_b += kb;
            row(
                &mut kuans,
                &format!("{lei}{k:02}"),
                &format!("款{k}"),
                ka,
                kb,
            );
            kuans.push_str(&xiangs);
            n += 20;
        }
        total_a += lei_a;
        total_b += lei_b;
        row(
            &mut body,
            &lei.to_string(),
            &format!("类{lei}"),
            lei_a,
            lei_b,
        );
        body.push_str(&kuans);
        n += 1;
    }
    let mut head = String::new();
    if sep == '\t' {
        head.push_str("支出决算表\n\n");
        let _ = writeln!(
            head,
            "科目编码{sep}科目名称{sep}合计{sep}基本支出{sep}项目支出"
        );
        row(&mut head, "合计", "", total_a, total_b);
    } else {
        // a CSV for a validator: column names it can use in a formula, and the total row
        // without a code so that the code column stays numeric
        let _ = writeln!(head, "code{sep}name{sep}total{sep}basic{sep}project");
        row(&mut head, "", "合计", total_a, total_b);
    }
    head + &body
}

/// Running text of about `bytes`: paragraphs of amounts, year-on-year changes and shares
/// that hold.
pub fn narrative(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0u64;
    while s.len() < bytes {
        let last = 1000 + (i * 37) % 9000;
        let this = last + 1 + (i * 13) % 500;
        let _ = write!(
            s,
            "{}. 第{}号项目支出{this}万元，比上年决算数增加{}万元，增长{}%。主要原因是业务量增加。\n\n",
            i + 1,
            i + 1,
            this - last,
            rate(this - last, last)
        );
        i += 1;
    }
    s
}

/// (a ÷ b × 100) to two decimals, rounded half up, exactly in integers.
fn rate(a: u64, b: u64) -> String {
    let x = (a * 100_000 / b + 5) / 10;
    format!("{}.{:02}", x / 100, x % 100)
}

/// One line of about `bytes`: running text with a figure every few characters, no break.
pub fn single_line(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while s.len() < bytes {
        let _ = write!(
            s,
            "支出{}.{:02}万元，比上年增加{}万元，增长{}%，",
            i % 9973,
            i % 100,
            i % 97,
            i % 89
        );
        i += 1;
    }
    s.push('。');
    s
}

/// A table whose figures have 28 digits: every sum overflows exact arithmetic.
pub fn absurd_table(rows: usize) -> String {
    let big = "9".repeat(28);
    let mut s = format!("项目\t金额\t其他\n合计\t{big}\t{big}\n");
    for i in 0..rows {
        let _ = writeln!(s, "行{i}\t{big}\t{}", "1".repeat(40));
    }
    s
}

/// Makes a shape of about the given size in bytes.
pub type Maker = fn(usize) -> String;

/// The adversarial shapes of issue 11, by name, each made at a given size.
pub const HOSTILE: [(&str, Maker); 14] = [
    ("ampersands in HTML", ampersands),
    ("20,000-column table", wide_table),
    ("合计 rows", total_rows),
    ("rowspan/colspan 1000", spans),
    ("one paragraph of shares", shares),
    ("claims without 。", claims_without_stop),
    ("lines of a bare bar", bare_bars),
    ("one 其中 list without 。", long_breakdown),
    ("respectively-lists without 。", respectively),
    ("项 lines against a 项 table", items_against_table),
    ("budget records without 。", budget_records),
    ("numbered lists after 如下", numbered_lists),
    ("items and reasons without 。", items_and_reasons),
    ("收支总表 headers and rows, no 总计", open_panels),
];

/// Every adversarial shape of issue 11, each about `bytes` long.
pub fn hostile(bytes: usize) -> Vec<(&'static str, String)> {
    HOSTILE.iter().map(|(n, f)| (*n, f(bytes))).collect()
}

/// Heads of four amounts, each but the first named a selection (其中) of the one before,
/// followed by "如下：" and twelve numbered items with their changes (every run of items
/// from the first a possible whole of three amounts), repeated.
pub fn numbered_lists(bytes: usize) -> String {
    let mut s = String::new();
    let mut n = 0u64;
    while s.len() < bytes {
        s.push_str("总收入 1000 万元，其中本年收入 900 万元，较上年减少 20 万元，其中上年结转 100 万元，其中其他 5 万元。具体情况如下：");
        for k in 1..=12u64 {
            let _ = write!(
                s,
                "{k}.收入{n}项{k} {} 万元，较上年减少 {k} 万元；",
                (k * 7 + n) % 50 + 1
            );
        }
        s.push('。');
        n += 1;
    }
    s
}

/// Enumerated items (一是…) without end, each with a 其中 and the reasons for a change, in
/// one sentence: where a 其中 looks back for its item, an amount for its reasons and a
/// label for the sentence's first amount.
pub fn items_and_reasons(bytes: usize) -> String {
    let mut s = String::from("收入 100 万元，");
    let mut n = 0u64;
    while s.len() < bytes {
        let _ = write!(
            s,
            "一是丁{n}收入 {} 万元，其中戊收入 1 万元，主要是己收入 1 万元，",
            n % 13 + 1
        );
        n += 1;
    }
    s
}

/// One total and a 其中 list of parts, each with its share and change, never ending.
pub fn long_breakdown(bytes: usize) -> String {
    let mut s = String::from("合计 100000 万元，其中：");
    let mut n = 0u64;
    while s.len() < bytes {
        let _ = write!(
            s,
            "项目{n} {} 万元，占 {}%，比上年增加 {} 万元，增长 {}%，",
            n % 900 + 1,
            n % 100,
            n % 50,
            n % 30
        );
        n += 1;
    }
    s
}

/// "甲、乙和丙分别为 A、B 和 C 万元，占总支出的 x%、y% 和 z%", repeated in one sentence.
pub fn respectively(bytes: usize) -> String {
    let mut s = String::new();
    let mut n = 0u64;
    while s.len() < bytes {
        let _ = write!(
            s,
            "甲{n}、乙{n}和丙{n}分别为{}万元、{}万元和{}万元，占总支出的{}%、{}%和{}%，",
            n % 90 + 1,
            n % 80 + 1,
            n % 70 + 1,
            n % 30,
            n % 40,
            n % 20
        );
        n += 1;
    }
    s
}

/// `&` repeated in an HTML body.
pub fn ampersands(bytes: usize) -> String {
    format!("<html><body><p>{}</p></body></html>", "&".repeat(bytes))
}

/// One header row and rows of 20,000 columns.
pub fn wide_table(bytes: usize) -> String {
    let cols = 20_000;
    let mut s = String::with_capacity(bytes + cols * 8);
    s.push_str("项目");
    for c in 0..cols {
        let _ = write!(s, "\t栏{c}");
    }
    s.push('\n');
    let mut r = 0;
    while s.len() < bytes {
        let _ = write!(s, "行{r}");
        for c in 0..cols {
            let _ = write!(s, "\t{}", (c + r) % 10);
        }
        s.push('\n');
        r += 1;
    }
    s
}

/// A table of `合计` rows, one after another.
pub fn total_rows(bytes: usize) -> String {
    let mut s = String::from("项目\t金额\t其他\n");
    let mut i = 0u64;
    while s.len() < bytes {
        let _ = writeln!(s, "合计\t{}\t{}", i % 1000, i % 7);
        i += 1;
    }
    s
}

/// An HTML table of cells spanning 1000 rows and 1000 columns each.
pub fn spans(bytes: usize) -> String {
    let mut s = String::from("<html><body><table>");
    let cell = "<td rowspan=1000 colspan=1000>1</td>";
    while s.len() < bytes {
        s.push_str("<tr>");
        for _ in 0..8 {
            s.push_str(cell);
        }
        s.push_str("</tr>");
    }
    s.push_str("</table></body></html>");
    s
}

/// One paragraph repeating a total, a part and its share.
pub fn shares(bytes: usize) -> String {
    let unit = "合计 100 万元，其中 60 万元，占 60%。";
    unit.repeat(bytes / unit.len() + 1)
}

/// Lines of claims separated by blank lines but no 。: one sentence of many amounts.
pub fn claims_without_stop(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while s.len() < bytes {
        let _ = write!(s, "支出{}万元，占{}%\n\n", 100 + i % 900, i % 100);
        i += 1;
    }
    s
}

/// "年初预算为 B 万元，支出决算为 F 万元，" repeated in one paragraph that never ends: every
/// record once looked for its sentence's end (and the next figure) from where it stood.
pub fn budget_records(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while s.len() < bytes {
        let b = 100 + i % 900;
        let _ = write!(s, "年初预算为 {b} 万元，支出决算为 {} 万元，", b + i % 7);
        i += 1;
    }
    s
}

/// Lines holding a single `|` (found by the structured fuzzer: every line made the
/// paragraph look ahead for a table of cells closed by bars).
pub fn bare_bars(bytes: usize) -> String {
    "|\n".repeat(bytes / 2)
}

/// A 收支总表's header printed before every row, as a PDF viewer copies two sides (收入,
/// 支出) cut by single spaces, and no 总计 closing them: each header starts a look for the
/// table that must stay short (it once read on over the rows and headers after it, a
/// hundred lines from each: 1.07 s for 1 MB).
pub fn open_panels(bytes: usize) -> String {
    let pair = "项目 决算数 项目 决算数\n一、其他收入 1.00 一、其他支出 1.00\n";
    pair.repeat(bytes / pair.len())
}

/// A 一般公共预算财政拨款支出决算表 of thousands of 项 rows (half the bytes) and one
/// paragraph naming each 项 by its 类/款/项 path with its 年初预算 and 支出决算
/// (the other half): every line is looked up in the table, each by its own names.
pub fn items_against_table(bytes: usize) -> String {
    let mut table = String::from(
        "一般公共预算财政拨款支出决算表\n单位：万元\n功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出\n",
    );
    let mut text = String::new();
    let mut n = 0u32;
    'outer: for k in 1..100u32 {
        let _ = writeln!(table, "201{k:02}\t款{k}\t1.00\t1.00\t");
        for j in 1..100u32 {
            if table.len() + text.len() >= bytes {
                break 'outer;
            }
            let _ = writeln!(table, "201{k:02}{j:02}\t项{k}x{j}\t{j}.00\t{j}.00\t");
            n += 1;
            let _ = write!(
                text,
                "{n}、一般公共服务支出（类）款{k}（款）项{k}x{j}（项）年初预算为{}.00万元，支出决算为{j}.00万元。",
                j + 1
            );
        }
    }
    format!("{text}\n\n{table}201\t一般公共服务支出\t1.00\t1.00\t\n")
}
