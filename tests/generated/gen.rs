//! Generates a consistent final-accounts disclosure (部门决算) from a seed: true amounts in
//! exact cents, totals derived exactly, every figure rounded on its own the way publishers
//! round; the narrative and the standard tables in varied layouts and scripts.

use super::doc::{round, Alt, Block, Copied, Doc, Fig, TableSpec, Target, Unit, C, P};
use super::rng::Rng;
use rust_decimal::Decimal;

/// Cents → 万元.
fn wan(cents: i64) -> Decimal {
    Decimal::new(cents, 6)
}

/// Cents → 元.
fn yuan(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Layouts behind the false alarms seen on real documents. `respectively`,
/// `paren-of-which` and `shares-to-100` are read by the claims stage and on by default
/// (`RECOUNT_GENERATED_LAYOUTS=no-NAME` turns one off); `four-budgets` is off unless named
/// (or `all`): its 收入合计 lists (本级收入, 上级补助收入, 债务转贷收入) are whole in the
/// generator but not known to be whole in real reports, so an error injected in their
/// total is not one the checks can find.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layouts {
    /// `four-budgets`: a government-level section with the four budgets (一般公共预算,
    /// 政府性基金预算, 国有资本经营预算, 社会保险基金预算) each printing 收入合计 and the
    /// same part labels (上级补助收入, 债务转贷收入 …).
    pub four_budgets: bool,
    /// `respectively`: "其中：A、B 分别为 a 万元和 b 万元，分别占 x% 和 y%".
    pub respectively: bool,
    /// `paren-of-which`: "公务用车购置及运行维护费 X 万元（其中：公务用车购置费 A 万元，
    /// 公务用车运行维护费 B 万元）".
    pub paren_of_which: bool,
    /// `shares-to-100`: the last share of a breakdown printed as 100% minus the others
    /// (where its own rounding allows it), as publishers force shares to add up.
    pub shares_to_100: bool,
}

impl Layouts {
    pub fn from_env() -> Self {
        let v = std::env::var("RECOUNT_GENERATED_LAYOUTS").unwrap_or_default();
        let on = |name: &str| v.split(',').any(|x| x.trim() == name || x.trim() == "all");
        let off = |name: &str| v.split(',').any(|x| x.trim() == format!("no-{name}"));
        Layouts {
            four_budgets: on("four-budgets"),
            respectively: !off("respectively"),
            paren_of_which: !off("paren-of-which"),
            shares_to_100: !off("shares-to-100"),
        }
    }
}

pub struct G {
    pub r: Rng,
    pub doc: Doc,
    /// Text layouts switched on.
    pub layouts: Layouts,
    year: u32,
    /// The direction of the rate being bound (for its operation-by-operation range).
    up: bool,
}

/// A paragraph under construction.
#[derive(Default)]
pub struct Para(Vec<P>);

impl Para {
    fn t(&mut self, s: &str) -> &mut Self {
        self.0.push(P::T(s.to_string()));
        self
    }
    fn f(&mut self, id: usize) -> &mut Self {
        self.0.push(P::F(id));
        self
    }
    fn brk(&mut self) -> &mut Self {
        self.0.push(P::Break);
        self
    }
}

fn exact_target(checks: &'static [&'static str], v: Decimal) -> Target {
    Target {
        checks,
        lo: v,
        hi: v,
        nlo: v,
        nhi: v,
        alts: vec![],
    }
}

type Iv = (Decimal, Decimal);

fn iv_div(a: Iv, b: Iv) -> Option<Iv> {
    if b.0 <= Decimal::ZERO && b.1 >= Decimal::ZERO {
        return None;
    }
    let c = [a.0 / b.0, a.0 / b.1, a.1 / b.0, a.1 / b.1];
    Some((
        c.iter().copied().fold(c[0], Decimal::min),
        c.iter().copied().fold(c[0], Decimal::max),
    ))
}

/// Y ÷ (X ∓ Y) × 100 operation by operation; `ivs` = [X, Y]. Which sign is recorded by the
/// caller through `G::up`.
fn naive_rate(ivs: &[Iv], up: bool) -> Option<Iv> {
    let (x, y) = (ivs[0], ivs[1]);
    let den = if up {
        (x.0 - y.1, x.1 - y.0)
    } else {
        (x.0 + y.0, x.1 + y.1)
    };
    iv_div(y, den).map(|(a, b)| (a * HUNDRED, b * HUNDRED))
}

/// (F − B) ÷ B × 100 operation by operation; `ivs` = [F, B].
fn naive_variance(ivs: &[Iv]) -> Option<Iv> {
    let (f, b) = (ivs[0], ivs[1]);
    iv_div((f.0 - b.1, f.1 - b.0), b).map(|(a, c)| (a * HUNDRED, c * HUNDRED))
}

/// Corner values of a function monotone in each argument: its exact range over the boxes.
fn corners(
    ivs: &[(Decimal, Decimal)],
    f: &dyn Fn(&[Decimal]) -> Option<Decimal>,
) -> Option<(Decimal, Decimal)> {
    let n = ivs.len();
    let mut lo: Option<Decimal> = None;
    let mut hi: Option<Decimal> = None;
    for mask in 0..(1u32 << n) {
        let xs: Vec<Decimal> = ivs
            .iter()
            .enumerate()
            .map(|(i, (a, b))| if mask & (1 << i) == 0 { *a } else { *b })
            .collect();
        let v = f(&xs)?;
        lo = Some(lo.map_or(v, |l: Decimal| l.min(v)));
        hi = Some(hi.map_or(v, |h: Decimal| h.max(v)));
    }
    Some((lo?, hi?))
}

impl G {
    pub fn new(seed: u64) -> Self {
        let mut r = Rng::new(seed);
        let layout_seed = r.next_u64();
        let trad = r.chance(20);
        let year = 2016 + r.below(8) as u32;
        G {
            r,
            doc: Doc {
                seed,
                figs: Vec::new(),
                blocks: Vec::new(),
                trad,
                layout_seed,
            },
            year,
            up: true,
            layouts: Layouts::from_env(),
        }
    }

    fn push(&mut self, f: Fig) -> usize {
        self.doc.figs.push(f);
        self.doc.figs.len() - 1
    }

    fn decimals_money(&mut self) -> u32 {
        match self.r.below(20) {
            0..=11 => 2,
            12..=15 => 0,
            _ => 1,
        }
    }

    /// An amount in 万元 (sometimes in 元 when `yuan_ok`), printed on its own.
    fn money(&mut self, cents: i64, yuan_ok: bool) -> usize {
        let in_yuan = yuan_ok && self.r.chance(15);
        self.money_in(cents, in_yuan)
    }

    fn money_in(&mut self, cents: i64, in_yuan: bool) -> usize {
        let (value, d, unit) = if in_yuan {
            let d = if self.r.chance(50) { 0 } else { 2 };
            (yuan(cents), d, Unit::Yuan)
        } else {
            (wan(cents), self.decimals_money(), Unit::Wan)
        };
        // a small amount keeps its decimals: running text prints "0 万元" for none at all
        // ("因公出国（境）费 0 万元"), "0.06 万元" for 600 元 — as the labelled real
        // documents read it (a printed 0 is exact) and no real document here contradicts
        let d = if d == 0 && !value.is_zero() && round(value, 0).is_zero() {
            2
        } else {
            d
        };
        let commas = self.r.chance(30);
        let spaced = self.r.chance(40);
        self.push(Fig {
            value: round(value, d),
            d,
            unit,
            commas,
            spaced,
            target: None,
        })
    }

    /// A table amount in 万元 with the table's decimals.
    fn cell_money(&mut self, cents: i64, d: u32, commas: bool) -> usize {
        self.push(Fig {
            value: round(wan(cents), d),
            d,
            unit: Unit::Wan,
            commas,
            spaced: false,
            target: None,
        })
    }

    fn percent(&mut self, exact: Decimal) -> usize {
        let d = match self.r.below(20) {
            0..=13 => 2,
            14..=16 => 1,
            _ => 0,
        };
        self.push(Fig {
            value: round(exact, d),
            d,
            unit: Unit::Percent,
            commas: false,
            spaced: false,
            target: None,
        })
    }

    fn count(&mut self, n: i64, unit: &'static str) -> usize {
        let spaced = self.r.chance(50);
        self.push(Fig {
            value: Decimal::from(n),
            d: 0,
            unit: Unit::Count(unit),
            commas: false,
            spaced,
            target: None,
        })
    }

    fn bare(&mut self, v: Decimal, d: u32) -> usize {
        self.push(Fig {
            value: v,
            d,
            unit: Unit::Bare,
            commas: false,
            spaced: false,
            target: None,
        })
    }

    /// The figure `total` is checked as the sum of `parts` (in 万元 for money).
    fn sum_target(&mut self, total: usize, parts: &[usize], checks: &'static [&'static str]) {
        let money = matches!(self.doc.figs[total].unit, Unit::Wan | Unit::Yuan);
        let iv = |f: &Fig| if money { f.wan() } else { f.interval() };
        let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
        let mut dropped = Vec::new();
        for &p in parts {
            let (a, b) = iv(&self.doc.figs[p]);
            lo += a;
            hi += b;
            dropped.push(self.doc.figs[p].value);
        }
        // in the total's own unit
        let k = if self.doc.figs[total].unit == Unit::Yuan {
            Decimal::from(10_000)
        } else {
            Decimal::ONE
        };
        let mid = self.doc.figs[total].value;
        let drops: Vec<Decimal> = parts
            .iter()
            .map(|&p| {
                let (a, b) = iv(&self.doc.figs[p]);
                mid - (a + b) / Decimal::TWO * k
            })
            .collect();
        let _ = dropped;
        self.doc.figs[total].target = Some(Target {
            checks,
            lo: lo * k,
            hi: hi * k,
            nlo: lo * k,
            nhi: hi * k,
            alts: vec![Alt::Dropped(drops)],
        });
    }

    /// The percentage `pct` is checked as `f(inputs)`, monotone in each input (万元).
    fn ratio_target(
        &mut self,
        pct: usize,
        inputs: &[usize],
        f: &dyn Fn(&[Decimal]) -> Option<Decimal>,
        checks: &'static [&'static str],
        alts: Vec<Alt>,
    ) {
        let ivs: Vec<(Decimal, Decimal)> = inputs.iter().map(|&i| self.doc.figs[i].wan()).collect();
        let naive = match checks.first() {
            Some(&"yoy-change") if self.up => naive_rate(&ivs, true),
            Some(&"yoy-change") => naive_rate(&ivs, false),
            Some(&"budget-variance") => naive_variance(&ivs),
            _ => corners(&ivs, f),
        };
        if let (Some((lo, hi)), Some((nlo, nhi))) = (corners(&ivs, f), naive) {
            self.doc.figs[pct].target = Some(Target {
                checks,
                lo,
                hi,
                nlo: nlo.min(lo),
                nhi: nhi.max(hi),
                alts,
            });
        }
    }

    fn heading(&mut self, h: &str) {
        self.doc.blocks.push(Block::Heading(h.to_string()));
    }

    fn para(&mut self, p: Para) {
        self.doc.blocks.push(Block::Para(p.0));
    }

    // ---------------------------------------------------------------- sections

    /// "X 万元，与上年相比，增加 Y 万元，增长 Z%": appends to `p`; returns X's id.
    fn yoy(&mut self, p: &mut Para, label: &str, this: i64, last: i64) -> usize {
        let x = self.money(this, false);
        let change = this - last;
        let up = change > 0;
        let y = self.money(change.abs(), false);
        let rate_exact = Decimal::from(change.abs()) * HUNDRED / Decimal::from(last);
        let z = self.percent(rate_exact);
        p.t(label).f(x);
        let (cw, rw) = if up {
            (
                *self.r.pick(&["增加", "增长"]),
                *self.r.pick(&["增长", "增加"]),
            )
        } else {
            (
                *self.r.pick(&["减少", "下降"]),
                *self.r.pick(&["降低", "下降", "减少"]),
            )
        };
        if self.r.chance(70) {
            p.t("，与上年相比，");
        } else {
            p.t("，比上年");
        }
        p.t(cw).f(y).t("，").brk().t(rw).f(z);
        // the recomputation: Y ÷ (X ∓ Y)
        let wrong = round(
            Decimal::from(change.abs()) * HUNDRED / Decimal::from(this),
            self.doc.figs[z].d,
        );
        let alts = vec![Alt::ThisYearBase(wrong)];
        self.up = up;
        if up {
            self.ratio_target(
                z,
                &[x, y],
                &|v| (v[0] - v[1] > Decimal::ZERO).then(|| v[1] * HUNDRED / (v[0] - v[1])),
                &["yoy-change"],
                alts,
            );
        } else {
            self.ratio_target(
                z,
                &[x, y],
                &|v| (v[0] + v[1] > Decimal::ZERO).then(|| v[1] * HUNDRED / (v[0] + v[1])),
                &["yoy-change"],
                alts,
            );
        }
        x
    }

    fn last_year(&mut self, this: i64) -> i64 {
        // a change of 3 % to 60 % either way, never zero
        let pct = self.r.range(3, 60);
        let up = self.r.chance(50);
        let base = if up {
            this * 100 / (100 + pct)
        } else {
            this * 100 / (100 - pct)
        };
        if base == this {
            this + 100_000
        } else {
            base.max(1_000_000)
        }
    }

    /// "总数 T，其中：甲 A，占 p%；乙 B，占 q%…" with the parts exactly adding up.
    fn breakdown(
        &mut self,
        p: &mut Para,
        total_label: &str,
        total: i64,
        parts: &[(&str, i64)],
        shares: bool,
    ) -> usize {
        let t = self.money(total, false);
        p.t(total_label).f(t).t("，其中：");
        if self.layouts.respectively && parts.len() >= 2 {
            return self.breakdown_respectively(p, t, parts, shares);
        }
        let mut ids = Vec::new();
        let mut pcts = Vec::new();
        for (i, (label, cents)) in parts.iter().enumerate() {
            if i > 0 {
                p.t("；");
                if i % 2 == 0 {
                    p.brk();
                }
            }
            let a = self.money(*cents, false);
            ids.push(a);
            p.t(label).f(a);
            if shares {
                let s = self.percent(Decimal::from(*cents) * HUNDRED / Decimal::from(total));
                p.t("，占").f(s);
                self.ratio_target(
                    s,
                    &[a, t],
                    &|v| (v[1] > Decimal::ZERO).then(|| v[0] * HUNDRED / v[1]),
                    &["share"],
                    vec![],
                );
                pcts.push(s);
            }
        }
        self.force_to_100(&pcts);
        p.t("。");
        self.sum_target(t, &ids, &["parts-sum"]);
        t
    }

    /// "A、B 和 C 分别为 a 万元、b 万元和 c 万元，分别占 x%、y% 和 z%": the same figures
    /// and targets as the plain breakdown, paired by position.
    fn breakdown_respectively(
        &mut self,
        p: &mut Para,
        t: usize,
        parts: &[(&str, i64)],
        shares: bool,
    ) -> usize {
        let total: i64 = parts.iter().map(|x| x.1).sum();
        let mut ids = Vec::new();
        let mut pcts = Vec::new();
        for (_, cents) in parts {
            let a = self.money(*cents, false);
            ids.push(a);
            if shares && total > 0 {
                let s = self.percent(Decimal::from(*cents) * HUNDRED / Decimal::from(total));
                self.ratio_target(
                    s,
                    &[a, t],
                    &|v| (v[1] > Decimal::ZERO).then(|| v[0] * HUNDRED / v[1]),
                    &["share"],
                    vec![],
                );
                pcts.push(s);
            }
        }
        if shares {
            self.force_to_100(&pcts);
        }
        let n = parts.len();
        let sep = |p: &mut Para, i: usize| {
            if i + 1 == n {
                p.t("和");
            } else if i > 0 {
                p.t("、");
            }
        };
        for (i, (label, _)) in parts.iter().enumerate() {
            sep(p, i);
            p.t(label);
        }
        p.t("分别为");
        for (i, a) in ids.iter().enumerate() {
            sep(p, i);
            p.f(*a);
        }
        if !pcts.is_empty() {
            p.t("，分别占");
            for (i, s) in pcts.iter().enumerate() {
                sep(p, i);
                p.f(*s);
            }
        }
        p.t("。");
        self.sum_target(t, &ids, &["parts-sum"]);
        t
    }

    /// With `shares-to-100`: the last share printed as 100% minus the others, when that
    /// value is still inside what its own inputs allow.
    fn force_to_100(&mut self, pcts: &[usize]) {
        let Some((&last, others)) = pcts.split_last() else {
            return;
        };
        if !self.layouts.shares_to_100 || others.is_empty() {
            return;
        }
        let d = self.doc.figs[last].d;
        if others.iter().any(|&k| self.doc.figs[k].d != d) {
            return;
        }
        let forced = HUNDRED
            - others
                .iter()
                .map(|&k| self.doc.figs[k].value)
                .sum::<Decimal>();
        let h = super::doc::ulp(d) / Decimal::TWO;
        let fits = self.doc.figs[last]
            .target
            .as_ref()
            .is_some_and(|t| forced - h <= t.hi && forced + h >= t.lo);
        if fits {
            self.doc.figs[last].value = forced;
        }
    }

    /// Splits `total` cents into `n` positive parts.
    fn split(&mut self, total: i64, n: usize) -> Vec<i64> {
        let mut cuts: Vec<i64> = (1..n).map(|_| self.r.range(1, total.max(2) - 1)).collect();
        cuts.sort_unstable();
        let mut out = Vec::new();
        let mut prev = 0;
        for c in cuts {
            out.push(c - prev);
            prev = c;
        }
        out.push(total - prev);
        out
    }

    pub fn generate(mut self) -> Doc {
        let y = self.year;
        // ------------------------------------------------ true accounts
        let fiscal_in = self.r.range(50_000_000, 2_000_000_000); // 50 万 … 2000 万 (cents)
        let other_in = if self.r.chance(60) {
            self.r.range(0, fiscal_in / 50)
        } else {
            0
        };
        let income = fiscal_in + other_in;
        let basic = self.r.range(fiscal_in / 4, fiscal_in / 2);
        let project = self.r.range(fiscal_in / 5, fiscal_in / 2);
        let spending = basic + project;
        let carried_in = (spending - income).max(0) + self.r.range(0, income / 5);
        let carried_out = income + carried_in - spending;
        let personnel = self.r.range(basic / 2, basic * 9 / 10);
        let public_use = basic - personnel;

        // ------------------------------------------------ 部门概况
        self.heading("一、机构设置及人员情况");
        let offices: Vec<&str> = {
            let all = [
                "秘书一处",
                "秘书二处",
                "综合处",
                "人事处",
                "财务审计处",
                "政策法规处",
                "信息编译处",
                "机关党委",
                "离退休干部工作处",
                "总值班室",
                "督查室（保密办）",
            ];
            let n = self.r.range(2, all.len() as i64) as usize;
            all.iter().take(n).copied().collect()
        };
        let mut p = Para::default();
        let n = self.count(offices.len() as i64, "个");
        p.t(&format!("{y}年完成机构改革后，内设"))
            .f(n)
            .t("处室，分别是：")
            .t(&offices.join("、"))
            .t("。");
        self.doc.figs[n].target = Some(exact_target(&["count-list"], Decimal::from(offices.len())));
        // the unit is printed right after the figure: "内设 4 个处室"
        self.para(p);
        let staff: Vec<(&str, i64)> = vec![
            ("行政人员", self.r.range(5, 300)),
            ("事业人员", self.r.range(0, 40)),
            ("离休人员", self.r.range(0, 5)),
            ("退休人员", self.r.range(0, 30)),
        ];
        let total_staff: i64 = staff.iter().map(|s| s.1).sum();
        let mut p = Para::default();
        let t = self.count(total_staff, "人");
        p.t(&format!("{y}年度，实有人数")).f(t).t("，其中：");
        let mut ids = Vec::new();
        for (i, (l, n)) in staff.iter().enumerate() {
            if i > 0 {
                p.t("，");
            }
            let id = self.count(*n, "人");
            ids.push(id);
            p.t(l).f(id);
        }
        p.t("。");
        self.sum_target(t, &ids, &["parts-sum"]);
        self.para(p);

        // ------------------------------------------------ 总体情况
        self.heading("二、收入支出决算总体情况说明");
        let mut p = Para::default();
        p.t(&format!("{y}年度"));
        let li = self.last_year(income);
        self.yoy(&mut p, "本年收入", income, li);
        p.t("，主要原因是项目支出预算压减。");
        let ls = self.last_year(spending);
        p.t("本年支出");
        let mut q = Para::default();
        self.yoy(&mut q, "", spending, ls);
        p.0.extend(q.0);
        p.t("，主要原因是机构改革，人员经费增加。");
        self.para(p);

        // ------------------------------------------------ 收入
        self.heading("三、收入决算情况说明");
        let mut p = Para::default();
        p.t(&format!("{y}年度"));
        let mut parts = vec![("财政拨款收入", fiscal_in)];
        if self.r.chance(50) {
            parts.push(("上级补助收入", 0));
            parts.push(("事业收入", 0));
        }
        parts.push(("其他收入", other_in));
        self.breakdown(&mut p, "本年收入", income, &parts, true);
        self.para(p);

        // ------------------------------------------------ 支出
        self.heading("四、支出决算情况说明");
        let mut p = Para::default();
        p.t(&format!("{y}年度"));
        let parts = vec![("基本支出", basic), ("项目支出", project)];
        self.breakdown(&mut p, "本年支出", spending, &parts, true);
        self.para(p);

        // ------------------------------------------------ 财政拨款 + 预决算差异
        self.heading("五、财政拨款收入支出决算总体情况说明");
        let mut p = Para::default();
        p.t(&format!("{y}年度"));
        let lf = self.last_year(fiscal_in);
        self.yoy(&mut p, "财政拨款收入", fiscal_in, lf);
        p.t("。");
        self.para(p);
        let mut p = Para::default();
        let budget = self.last_year(fiscal_in);
        p.t("与年初预算数相比情况：");
        self.variance(&mut p, "财政拨款收入", budget, fiscal_in);
        p.t("，主要原因是年内追加专项经费。");
        self.para(p);

        // ------------------------------------------------ 基本支出
        self.heading("六、一般公共预算财政拨款基本支出决算情况说明");
        let mut p = Para::default();
        p.t(&format!("{y}年度一般公共预算财政拨款基本支出"));
        let b = self.money(basic, false);
        p.f(b).t("，").brk().t("其中：人员经费");
        let pe = self.money(personnel, false);
        p.f(pe).t("，包括：基本工资、津贴补贴、奖金；公用经费");
        let pu = self.money(public_use, false);
        p.f(pu).t("，包括：办公费、印刷费、差旅费。");
        self.sum_target(b, &[pe, pu], &["parts-sum"]);
        self.para(p);

        // ------------------------------------------------ 三公
        self.three_public();

        // ------------------------------------------------ 政府采购
        self.heading("八、政府采购情况");
        let goods = self.r.range(0, 30_000_000);
        let works = self.r.range(0, 80_000_000);
        let services = self.r.range(1_000_000, 40_000_000);
        let proc_total = goods + works + services;
        let mut p = Para::default();
        p.t(&format!("{y}年度"));
        let pt = self.breakdown(
            &mut p,
            "政府采购支出总额",
            proc_total,
            &[
                ("政府采购货物支出", goods),
                ("政府采购工程支出", works),
                ("政府采购服务支出", services),
            ],
            false,
        );
        let _ = pt;
        self.para(p);
        let sme = self.r.range(0, proc_total);
        let small = self.r.range(0, sme);
        let mut p = Para::default();
        p.t("授予中小企业合同金额");
        let a = self.money(sme, false);
        let s = self.percent(Decimal::from(sme) * HUNDRED / Decimal::from(proc_total));
        p.f(a)
            .t("，占政府采购支出总额的")
            .f(s)
            .t("，其中：授予小微企业合同金额");
        self.ratio_target(
            s,
            &[a, pt],
            &|v| (v[1] > Decimal::ZERO).then(|| v[0] * HUNDRED / v[1]),
            &["share"],
            vec![],
        );
        let b2 = self.money(small, false);
        let s2 = self.percent(Decimal::from(small) * HUNDRED / Decimal::from(proc_total));
        p.f(b2).t("，占政府采购支出总额的").f(s2).t("。");
        self.ratio_target(
            s2,
            &[b2, pt],
            &|v| (v[1] > Decimal::ZERO).then(|| v[0] * HUNDRED / v[1]),
            &["share"],
            vec![],
        );
        self.para(p);

        // ------------------------------------------------ 绩效
        self.performance();

        // ------------------------------------------------ tables
        self.summary_table(fiscal_in, other_in, carried_in, carried_out, basic, project);
        let _ = spending;
        if self.layouts.four_budgets {
            self.four_budgets();
        }
        self.doc
    }

    /// A government-level section: the four budgets, each with its own 收入合计 and parts
    /// under the same labels (the scope is the budget named at the start of the sentence).
    fn four_budgets(&mut self) {
        let y = self.year;
        self.heading("九、全区预算收支情况");
        for name in [
            "一般公共预算",
            "政府性基金预算",
            "国有资本经营预算",
            "社会保险基金预算",
        ] {
            let own = self.r.range(1_000_000, 500_000_000);
            let transfer = self.r.range(0, 200_000_000);
            let debt = if self.r.chance(50) {
                0
            } else {
                self.r.range(0, 100_000_000)
            };
            let total = own + transfer + debt;
            let mut p = Para::default();
            p.t(&format!("{y}年{name}"));
            self.breakdown(
                &mut p,
                "收入合计",
                total,
                &[
                    ("本级收入", own),
                    ("上级补助收入", transfer),
                    ("债务转贷收入", debt),
                ],
                false,
            );
            self.para(p);
        }
    }

    /// "B 年初预算数 … 决算数 F … 预决算差异率 R%".
    fn variance(&mut self, p: &mut Para, label: &str, budget: i64, fin: i64) {
        let b = self.money(budget, false);
        let f = self.money(fin, false);
        p.t(label)
            .t("年初预算数")
            .f(b)
            .t("，决算数")
            .f(f)
            .t("，")
            .brk()
            .t("预决算差异率");
        if budget == 0 {
            p.t("0%");
            return;
        }
        let r = self.percent(Decimal::from(fin - budget) * HUNDRED / Decimal::from(budget));
        p.f(r);
        self.ratio_target(
            r,
            &[f, b],
            &|v| (v[1] > Decimal::ZERO).then(|| (v[0] - v[1]) * HUNDRED / v[1]),
            &["budget-variance"],
            vec![],
        );
    }

    fn three_public(&mut self) {
        let y = self.year;
        self.heading("七、一般公共预算财政拨款“三公”经费支出决算情况说明");
        let abroad = if self.r.chance(40) {
            0
        } else {
            self.r.range(10_000, 3_000_000)
        };
        let car = self.r.range(100_000, 30_000_000);
        let reception = self.r.range(10_000, 2_000_000);
        let total = abroad + car + reception;
        let items = [
            ("因公出国（境）费支出", abroad),
            ("公务用车购置及运行维护费支出", car),
            ("公务接待费支出", reception),
        ];
        let mut p = Para::default();
        p.t(&format!("{y}年度一般公共预算“三公”经费支出决算"));
        let lt: Vec<i64> = items
            .iter()
            .map(|(_, c)| self.last_year((*c).max(50_000)))
            .collect();
        let last_total: i64 = lt.iter().sum();
        let t = self.yoy_after(&mut p, total, last_total);
        p.t("。其中，");
        let mut ids = Vec::new();
        for (i, (label, cents)) in items.iter().enumerate() {
            if i > 0 {
                p.t("；");
            }
            let a = self.money(*cents, true);
            ids.push(a);
            p.t(label).f(a);
            if self.layouts.paren_of_which && label.starts_with("公务用车") && *cents > 0 {
                let buy = self.r.range(0, *cents);
                let (pa, pb) = (self.money(buy, false), self.money(*cents - buy, false));
                p.t("（其中：公务用车购置费")
                    .f(pa)
                    .t("，公务用车运行维护费")
                    .f(pb)
                    .t("）");
                self.sum_target(a, &[pa, pb], &["parts-sum"]);
            }
            let s = self.percent(Decimal::from(*cents) * HUNDRED / Decimal::from(total));
            p.t("，占").f(s);
            self.ratio_target(
                s,
                &[a, t],
                &|v| (v[1] > Decimal::ZERO).then(|| v[0] * HUNDRED / v[1]),
                &["share"],
                vec![],
            );
            p.t("，");
            self.yoy_tail(&mut p, a, *cents, lt[i]);
        }
        p.t("。");
        self.sum_target(t, &ids, &["parts-sum"]);
        self.para(p);
        // budgets
        let mut p = Para::default();
        p.t("与年初预算数相比情况：");
        let bud: Vec<i64> = items
            .iter()
            .map(|(_, c)| {
                if *c == 0 && self.r.chance(50) {
                    0
                } else {
                    self.last_year((*c).max(50_000))
                }
            })
            .collect();
        for (i, (label, cents)) in items.iter().enumerate() {
            if i > 0 {
                p.t("；");
            }
            let label = label.trim_end_matches("支出");
            self.variance(&mut p, label, bud[i], *cents);
            if bud[i] == 0 && *cents == 0 {
                p.t("，与年初预算一致");
            }
        }
        p.t("。");
        self.para(p);
        let mut lr = Rng::new(self.doc.seed ^ 0x3A5F_0C0D_E5ED_7AB1);
        if lr.chance(60) {
            self.three_public_table(&mut lr, [abroad, reception, car], [bud[0], bud[2], bud[1]]);
        }
    }

    /// The “三公” table as budget pages print it: the total, 出国, 接待, and 用车 with its
    /// (1) 购置 and (2) 运行 sub-rows numbered under it (or introduced by 其中, or not
    /// numbered at all), sometimes followed by counts; in a tab, pipe or copied-out
    /// layout. The sub-rows are parts of 用车, not of the total: `total-row` must add the
    /// total from the three items only.
    fn three_public_table(&mut self, lr: &mut Rng, fin: [i64; 3], bud: [i64; 3]) {
        let y = self.year;
        let d = if lr.chance(70) { 2 } else { 0 };
        // 用车 split into 购置 and 运行 (a part may be zero)
        let split = |lr: &mut Rng, car: i64| {
            if car == 0 {
                (0, 0)
            } else if lr.chance(40) {
                (0, car)
            } else {
                let p = lr.range(0, car);
                (p, car - p)
            }
        };
        let (fp, fr) = split(lr, fin[2]);
        let (bp, br) = split(lr, bud[2]);
        // columns: budget, final
        let cols = [
            [bud[0] + bud[1] + bud[2], bud[0], bud[1], bud[2], bp, br],
            [fin[0] + fin[1] + fin[2], fin[0], fin[1], fin[2], fp, fr],
        ];
        let mut ids = [[0usize; 6]; 2];
        for (c, col) in cols.iter().enumerate() {
            for (k, cents) in col.iter().enumerate() {
                ids[c][k] = self.cell_money(*cents, d, false);
            }
            self.sum_target(
                ids[c][0],
                &[ids[c][1], ids[c][2], ids[c][3]],
                &["total-row"],
            );
            self.sum_target(ids[c][3], &[ids[c][4], ids[c][5]], &["total-row"]);
        }
        let style = lr.below(3);
        let labels: [&str; 6] = match style {
            0 => [
                "一、“三公”经费支出合计",
                "1、因公出国（境）费",
                "2、公务接待费",
                "3、公务用车购置及运行费",
                "其中：(1)公务用车购置费",
                "(2)公务用车运行维护费",
            ],
            1 => [
                "“三公”经费",
                "其中：（一）因公出国（境）支出",
                "（三）公务接待费支出",
                "（二）公务用车购置及运行维护支出",
                "1.公务用车购置",
                "2.公务用车运行维护费",
            ],
            _ => [
                "总“三公”经费支出",
                "因公出国（境）费",
                "公务接待费",
                "公务用车购置及运行维护费",
                "公务用车购置费",
                "公务用车运行维护费",
            ],
        };
        // order: total, 出国, (接待 before or after 用车), 用车, 购置, 运行; the total may close
        let reception_last = lr.chance(50);
        let mut order: Vec<usize> = if reception_last {
            vec![0, 1, 3, 4, 5, 2]
        } else {
            vec![0, 1, 2, 3, 4, 5]
        };
        if style == 2 && lr.chance(50) {
            order.rotate_left(1);
        }
        let mut rows: Vec<Vec<C>> = vec![vec![
            C::T("项目".into()),
            C::T(format!("{y}年预算数")),
            C::T(format!("{y}年决算数")),
        ]];
        for &k in &order {
            rows.push(vec![
                C::T(labels[k].into()),
                C::F(ids[0][k]),
                C::F(ids[1][k]),
            ]);
        }
        if style == 0 && lr.chance(50) {
            // counts under their own item number end what the total covers
            rows.push(vec![
                C::T("二、相关统计数".into()),
                C::T("-".into()),
                C::T("-".into()),
            ]);
            let n = lr.range(0, 5);
            let a = self.bare(Decimal::from(n), 0);
            let m = lr.range(1, 12);
            let b = self.bare(Decimal::from(m), 0);
            rows.push(vec![
                C::T("1.因公出国（境）团组数（个）".into()),
                C::T("-".into()),
                C::F(a),
            ]);
            rows.push(vec![
                C::T("2.公务用车保有量（辆）".into()),
                C::T("-".into()),
                C::F(b),
            ]);
        }
        let caption = vec![format!("{y}年度“三公”经费预算执行情况表（单位：万元）")];
        let how = match lr.below(6) {
            0 => None,
            1 => Some(Copied::BarLines),
            2 => Some(Copied::BarEnds),
            3 => Some(Copied::LoosePipes),
            4 => Some(Copied::Spaces),
            _ => None,
        };
        let spec = TableSpec {
            caption,
            rows,
            pipes: lr.chance(50),
            page_break_after: None,
        };
        self.doc.blocks.push(match how {
            Some(h) => Block::CopiedTable(spec, h),
            None => Block::Table(spec),
        });
    }

    /// "T 万元，比上年减少 Y 万元，降低 Z%" with T printed here; returns T's id.
    fn yoy_after(&mut self, p: &mut Para, this: i64, last: i64) -> usize {
        let mut q = Para::default();
        let x = self.yoy(&mut q, "", this, last);
        p.0.extend(q.0);
        x
    }

    /// "比上年增加 Y 万元，增长 Z%" after an amount `x` already printed.
    fn yoy_tail(&mut self, p: &mut Para, x: usize, this: i64, last: i64) {
        let change = this - last;
        let up = change > 0;
        let in_yuan = self.doc.figs[x].unit == Unit::Yuan;
        let y = self.money_in(change.abs(), in_yuan);
        let z = self.percent(Decimal::from(change.abs()) * HUNDRED / Decimal::from(last));
        p.t(if up {
            "比上年增加"
        } else {
            "比上年减少"
        })
        .f(y)
        .t(if up { "，增长" } else { "，降低" })
        .f(z);
        let wrong = round(
            if this == 0 {
                Decimal::ZERO
            } else {
                Decimal::from(change.abs()) * HUNDRED / Decimal::from(this)
            },
            self.doc.figs[z].d,
        );
        let alts = if this == 0 {
            vec![]
        } else {
            vec![Alt::ThisYearBase(wrong)]
        };
        self.up = up;
        if up {
            self.ratio_target(
                z,
                &[x, y],
                &|v| (v[0] - v[1] > Decimal::ZERO).then(|| v[1] * HUNDRED / (v[0] - v[1])),
                &["yoy-change"],
                alts,
            );
        } else {
            self.ratio_target(
                z,
                &[x, y],
                &|v| (v[0] + v[1] > Decimal::ZERO).then(|| v[1] * HUNDRED / (v[0] + v[1])),
                &["yoy-change"],
                alts,
            );
        }
    }

    fn performance(&mut self) {
        let y = self.year;
        let n = self.r.range(1, 4) as usize;
        let mut budgets = Vec::new();
        let mut tables = Vec::new();
        for k in 0..n {
            let a0 = self.r.range(1_000_000, 500_000_000);
            let a = if self.r.chance(70) {
                a0
            } else {
                self.r.range(a0 / 2, a0)
            };
            let b = if self.r.chance(40) {
                a
            } else {
                self.r.range(a / 3, a)
            };
            budgets.push(a);
            tables.push((k, a0, a, b));
        }
        let total: i64 = budgets.iter().sum();
        self.heading("九、预算绩效情况说明");
        let mut p = Para::default();
        let cn = self.count(n as i64, "个");
        p.t(&format!(
            "根据预算绩效管理要求，我单位{y}年度开展预算绩效评价项目"
        ))
        .f(cn)
        .t("，共涉及资金");
        let m = self.money(total, false);
        p.f(m).t("。具体项目自评情况附项目支出绩效自评表。");
        self.para(p);
        let mut a_ids = Vec::new();
        for (k, a0, a, b) in tables {
            a_ids.push(self.self_eval(k, a0, a, b));
        }
        self.doc.figs[cn].target = Some(exact_target(&["text-table"], Decimal::from(n)));
        self.sum_target(m, &a_ids, &["text-table"]);
    }

    /// One 项目支出绩效自评表; returns the id of its 全年预算数.
    fn self_eval(&mut self, k: usize, a0: i64, a: i64, b: i64) -> usize {
        let d = if self.r.chance(50) { 2 } else { 0 };
        let names = [
            "网站集约化平台改造",
            "业务工作经费",
            "信息系统运行维护",
            "培训专项",
        ];
        let mut rows: Vec<Vec<C>> = Vec::new();
        let t = |s: &str| C::T(s.to_string());
        rows.push(vec![t("项目支出绩效自评表")]);
        rows.push(vec![t("项目名称"), t(names[k % names.len()])]);
        rows.push(vec![
            t("项目资金"),
            C::Empty,
            t("年初预算数"),
            t("全年预算数"),
            t("全年执行数"),
            t("分值"),
            t("执行率"),
            t("得分"),
        ]);
        let fa0 = self.cell_money(a0, d, false);
        let fa = self.cell_money(a, d, false);
        let fb = self.cell_money(b, d, false);
        let w = self.bare(Decimal::TEN, 0);
        let rate_exact = Decimal::from(b) * HUNDRED / Decimal::from(a);
        let rate = self.percent(rate_exact);
        let score_exact = (Decimal::from(b) * Decimal::TEN / Decimal::from(a)).min(Decimal::TEN);
        let score = self.bare(
            round(score_exact, 1),
            if round(score_exact, 1).fract().is_zero() {
                0
            } else {
                1
            },
        );
        rows.push(vec![
            t("(万元)"),
            t("年度资金总额"),
            C::F(fa0),
            C::F(fa),
            C::F(fb),
            C::F(w),
            C::F(rate),
            C::F(score),
        ]);
        let ga0 = self.cell_money(a0, d, false);
        let ga = self.cell_money(a, d, false);
        let gb = self.cell_money(b, d, false);
        rows.push(vec![
            C::Empty,
            t("其中：当年财政拨款"),
            C::F(ga0),
            C::F(ga),
            C::F(gb),
            t("—"),
            C::Empty,
            t("—"),
        ]);
        rows.push(vec![
            C::Empty,
            t("上年结转资金"),
            C::Empty,
            C::Empty,
            C::Empty,
            t("—"),
            C::Empty,
            t("—"),
        ]);
        rows.push(vec![
            t("绩效指标"),
            t("一级指标"),
            t("二级指标"),
            t("三级指标"),
            t("年度指标值"),
            t("实际完成值"),
            t("分值"),
            t("得分"),
        ]);
        // indicator weights: 90 in all, in whole points; scores in halves, ≤ weight
        let inds = [
            ("产出指标", "数量指标", "软件采购数量"),
            ("产出指标", "质量指标", "系统验收合格率"),
            ("产出指标", "时效指标", "完成时限"),
            ("效益指标", "社会效益指标", "服务效率"),
            ("满意度指标", "服务对象满意度指标", "使用人员满意度"),
        ];
        let ws = self.split(90, inds.len());
        let mut total_score = self.doc.figs[score].value;
        let mut wids = vec![w];
        let mut sids = vec![score];
        for (i, (a1, a2, a3)) in inds.iter().enumerate() {
            let wv = ws[i];
            let lost = if self.r.chance(30) {
                Decimal::new(self.r.range(0, wv.min(4) * 2) * 5, 1)
            } else {
                Decimal::ZERO
            };
            let sv = Decimal::from(wv) - lost;
            total_score += sv;
            let wi = self.bare(Decimal::from(wv), 0);
            let si = self.bare(sv.normalize(), sv.normalize().scale());
            wids.push(wi);
            sids.push(si);
            rows.push(vec![
                C::Empty,
                t(a1),
                t(a2),
                t(a3),
                t("100%"),
                t("100%"),
                C::F(wi),
                C::F(si),
            ]);
        }
        let tw = self.bare(HUNDRED, 0);
        let ts = self.bare(total_score.normalize(), total_score.normalize().scale());
        self.doc.figs[ts].target = Some(exact_target(&["score"], total_score));
        rows.push(vec![
            t("总分"),
            C::Empty,
            C::Empty,
            C::Empty,
            C::Empty,
            C::Empty,
            C::F(tw),
            C::F(ts),
        ]);
        let pipes = self.r.chance(25);
        self.doc.blocks.push(Block::Table(TableSpec {
            caption: vec![format!("附表 {}", k + 2)],
            rows,
            pipes,
            page_break_after: None,
        }));
        fa
    }

    /// 收入支出决算总表 (two-sided) and 支出决算表 (by classification code).
    fn summary_table(
        &mut self,
        fiscal_in: i64,
        other_in: i64,
        carried_in: i64,
        carried_out: i64,
        basic: i64,
        project: i64,
    ) {
        let d = self.decimals_money();
        let commas = self.r.chance(50);
        // spending by 类 / 款 / 项
        let tree = self.classification(basic, project);
        let t = |s: &str| C::T(s.to_string());
        let income = fiscal_in + other_in;
        let spending = basic + project;
        let mut rows: Vec<Vec<C>> = vec![
            vec![t("收入"), C::Empty, t("支出"), C::Empty],
            vec![t("项目"), t("决算数"), t("项目"), t("决算数")],
        ];
        let left: Vec<(&str, i64)> = vec![
            ("一、一般公共预算财政拨款收入", fiscal_in),
            ("二、政府性基金预算财政拨款收入", 0),
            ("七、其他收入", other_in),
        ];
        let nums = ["一、", "二、", "三、", "四、", "五、", "六、"];
        let right: Vec<(String, i64)> = tree
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("{}{}", nums[i % 6], l.name), l.basic + l.project))
            .collect();
        let n = left.len().max(right.len());
        let mut left_ids = Vec::new();
        let mut right_ids = Vec::new();
        for i in 0..n {
            let mut row = Vec::new();
            match left.get(i) {
                Some((l, c)) if *c != 0 || self.r.chance(50) => {
                    let id = self.cell_money(*c, d, commas);
                    left_ids.push(id);
                    row.push(t(l));
                    row.push(C::F(id));
                }
                Some((l, _)) => {
                    row.push(t(l));
                    row.push(C::Empty);
                }
                None => {
                    row.push(C::Empty);
                    row.push(C::Empty);
                }
            }
            if let Some((l, c)) = right.get(i) {
                let id = self.cell_money(*c, d, commas);
                right_ids.push(id);
                row.push(t(l));
                row.push(C::F(id));
            }
            rows.push(row);
        }
        let inc = self.cell_money(income, d, commas);
        let sp = self.cell_money(spending, d, commas);
        self.sum_target(inc, &left_ids, &["total-row"]);
        self.sum_target(sp, &right_ids, &["total-row"]);
        let heji = if self.doc.trad { "合計" } else { "合计" };
        rows.push(vec![
            t(&format!("本年收入{heji}")),
            C::F(inc),
            t(&format!("本年支出{heji}")),
            C::F(sp),
        ]);
        let ci = self.cell_money(carried_in, d, commas);
        let co = self.cell_money(carried_out, d, commas);
        rows.push(vec![
            t("使用非财政拨款结余"),
            C::Empty,
            t("结余分配"),
            C::Empty,
        ]);
        rows.push(vec![
            t("年初结转和结余"),
            C::F(ci),
            t("年末结转和结余"),
            C::F(co),
        ]);
        let gl = self.cell_money(income + carried_in, d, commas);
        let gr = self.cell_money(spending + carried_out, d, commas);
        self.sum_target(gl, &[inc, ci], &["total-row"]);
        self.sum_target(gr, &[sp, co], &["total-row"]);
        rows.push(vec![t("总计"), C::F(gl), t("总计"), C::F(gr)]);
        let pipes = self.r.chance(25);
        let brk = if self.r.chance(30) {
            Some(2 + self.r.below(n as u64) as usize)
        } else {
            None
        };
        self.doc.blocks.push(Block::Table(TableSpec {
            caption: vec![
                "附表 10".into(),
                "收入支出决算总表".into(),
                "金额单位：万元".into(),
            ],
            rows,
            pipes,
            page_break_after: brk,
        }));

        // 支出决算表
        let split_codes = self.r.chance(30);
        let mut rows: Vec<Vec<C>> = if split_codes {
            vec![vec![
                t("类"),
                t("款"),
                t("项"),
                t("科目名称"),
                t("本年支出合计"),
                t("基本支出"),
                t("项目支出"),
            ]]
        } else {
            vec![vec![
                t("科目编码"),
                t("科目名称"),
                t("本年支出合计"),
                t("基本支出"),
                t("项目支出"),
            ]]
        };
        let d = self.decimals_money();
        let commas = self.r.chance(50);
        let mut body: Vec<Vec<C>> = Vec::new();
        let mut top: [Vec<usize>; 3] = [vec![], vec![], vec![]];
        let mut line = |g: &mut G,
                        code: &str,
                        name: &str,
                        b: i64,
                        pj: i64,
                        is_top: bool,
                        body: &mut Vec<Vec<C>>| {
            let ids = [
                g.cell_money(b + pj, d, commas),
                g.cell_money(b, d, commas),
                g.cell_money(pj, d, commas),
            ];
            if is_top {
                for k in 0..3 {
                    top[k].push(ids[k]);
                }
            }
            let mut row = if split_codes {
                let (l, rest) = code.split_at(3);
                let (k, x) = rest.split_at(rest.len().min(2));
                vec![t(l), t(k), t(x)]
            } else {
                vec![t(code)]
            };
            row.push(t(name));
            for id in ids {
                // a zero amount is often printed blank
                if g.doc.figs[id].value.is_zero() && g.r.chance(50) {
                    row.push(C::Empty);
                } else {
                    row.push(C::F(id));
                }
            }
            body.push(row);
        };
        for l in &tree {
            line(self, &l.code, &l.name, l.basic, l.project, true, &mut body);
            for k in &l.kids {
                line(self, &k.code, &k.name, k.basic, k.project, false, &mut body);
                for x in &k.kids {
                    line(self, &x.code, &x.name, x.basic, x.project, false, &mut body);
                }
            }
        }
        let tot = [
            self.cell_money(spending, d, commas),
            self.cell_money(basic, d, commas),
            self.cell_money(project, d, commas),
        ];
        for k in 0..3 {
            let parts: Vec<usize> = top[k]
                .iter()
                .copied()
                .filter(|id| {
                    body.iter()
                        .flatten()
                        .any(|c| matches!(c, C::F(x) if x == id))
                })
                .collect();
            self.sum_target(tot[k], &parts, &["total-row"]);
        }
        let heji = if self.doc.trad { "合計" } else { "合计" };
        let mut trow = if split_codes {
            vec![t(heji), C::Empty, C::Empty, C::Empty]
        } else {
            vec![t(heji), C::Empty]
        };
        trow.extend(tot.iter().map(|&i| C::F(i)));
        rows.push(trow);
        rows.extend(body);
        let pipes = self.r.chance(25);
        let brk = if self.r.chance(30) {
            Some(1 + self.r.below(4) as usize)
        } else {
            None
        };
        self.doc.blocks.push(Block::Table(TableSpec {
            caption: vec!["附表 11".into(), "支出决算表".into()],
            rows,
            pipes,
            page_break_after: brk,
        }));
    }

    fn classification(&mut self, basic: i64, project: i64) -> Vec<Node> {
        let catalogue: &[Lei] = &[
            (
                "201",
                "一般公共服务支出",
                &[
                    (
                        "20103",
                        "政府办公厅（室）及相关机构事务",
                        &[
                            ("2010301", "行政运行"),
                            ("2010302", "一般行政管理事务"),
                            ("2010350", "事业运行"),
                            ("2010399", "其他政府办公厅（室）及相关机构事务支出"),
                        ],
                    ),
                    (
                        "20104",
                        "发展与改革事务",
                        &[("2010499", "其他发展与改革事务支出")],
                    ),
                ],
            ),
            (
                "205",
                "教育支出",
                &[
                    ("20503", "职业教育", &[("2050399", "其他职业教育支出")]),
                    ("20508", "进修及培训", &[("2050803", "培训支出")]),
                ],
            ),
            (
                "208",
                "社会保障和就业支出",
                &[(
                    "20805",
                    "行政事业单位养老支出",
                    &[
                        ("2080501", "行政单位离退休"),
                        ("2080505", "机关事业单位基本养老保险缴费支出"),
                        ("2080506", "机关事业单位职业年金缴费支出"),
                    ],
                )],
            ),
            (
                "210",
                "卫生健康支出",
                &[(
                    "21011",
                    "行政事业单位医疗",
                    &[("2101101", "行政单位医疗"), ("2101103", "公务员医疗补助")],
                )],
            ),
            (
                "221",
                "住房保障支出",
                &[("22102", "住房改革支出", &[("2210201", "住房公积金")])],
            ),
        ];
        // choose the lines, then split the amounts over the 项 lines
        let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
        for (a, (_, _, kuans)) in catalogue.iter().enumerate() {
            if a > 0 && self.r.chance(40) {
                continue;
            }
            for (b, (_, _, xs)) in kuans.iter().enumerate() {
                if b > 0 && self.r.chance(50) {
                    continue;
                }
                for c in 0..xs.len() {
                    if c == 0 || self.r.chance(60) {
                        chosen.push((a, b, c));
                    }
                }
            }
        }
        let bs = self.split(basic, chosen.len());
        let ps = self.split(project, chosen.len());
        let mut out: Vec<Node> = Vec::new();
        for (i, &(a, b, c)) in chosen.iter().enumerate() {
            let (lc, ln, kuans) = catalogue[a];
            let (kc, kn, xs) = kuans[b];
            let (xc, xn) = xs[c];
            if out.last().map(|n| n.code.as_str()) != Some(lc) {
                out.push(Node::new(lc, ln));
            }
            let l = out.last_mut().unwrap();
            if l.kids.last().map(|n| n.code.as_str()) != Some(kc) {
                l.kids.push(Node::new(kc, kn));
            }
            let k = l.kids.last_mut().unwrap();
            let mut x = Node::new(xc, xn);
            x.basic = bs[i];
            x.project = ps[i];
            k.basic += bs[i];
            k.project += ps[i];
            l.basic += bs[i];
            l.project += ps[i];
            k.kids.push(x);
        }
        out
    }
}

/// A 类 with its 款 and their 项: (code, name, children).
type Lei = (&'static str, &'static str, &'static [Kuan]);
type Kuan = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

pub struct Node {
    code: String,
    name: String,
    basic: i64,
    project: i64,
    kids: Vec<Node>,
}

impl Node {
    fn new(code: &str, name: &str) -> Self {
        Node {
            code: code.into(),
            name: name.into(),
            basic: 0,
            project: 0,
            kids: Vec::new(),
        }
    }
}
