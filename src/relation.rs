//! Relations: what a check asserts about printed figures. A check only builds relations;
//! the one evaluator in [`crate::eval`] decides each.

use crate::document::Document;
use crate::figure::FigId;
use crate::IntoVec;
use rust_decimal::Decimal;
use serde::Serialize;

/// Text in both languages (defined with the document, whose places it describes).
pub use crate::document::Text;

/// The check a relation comes from: one variant per check in [`crate::checks::ALL`]. Its
/// kebab-case id is what reports and JSON print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// `total-row`.
    TotalRow,
    /// `balance`.
    Balance,
    /// `cross-table`.
    CrossTable,
    /// `column-sum`.
    ColumnSum,
    /// `code-rollup`.
    CodeRollup,
    /// `rate-column`.
    RateColumn,
    /// `exec-rate`.
    ExecRate,
    /// `fund-breakdown`.
    FundBreakdown,
    /// `score-total`.
    ScoreTotal,
    /// `project-match`.
    ProjectMatch,
    /// `yoy-change`.
    YoyChange,
    /// `share`.
    Share,
    /// `parts-sum`.
    PartsSum,
    /// `subset`.
    Subset,
    /// `budget-variance`.
    BudgetVariance,
    /// `count-list`.
    CountList,
    /// `repeated-figure`.
    RepeatedFigure,
    /// `text-table`.
    TextTable,
    /// `surplus`.
    Surplus,
    /// `net-assets`.
    NetAssets,
    /// `change-amount`.
    ChangeAmount,
    /// `change-column`.
    ChangeColumn,
    /// `pace`.
    Pace,
    /// `saving`.
    Saving,
}

impl Rule {
    /// The kebab-case id naming the property checked.
    pub fn id(self) -> &'static str {
        match self {
            Rule::TotalRow => "total-row",
            Rule::Balance => "balance",
            Rule::CrossTable => "cross-table",
            Rule::ColumnSum => "column-sum",
            Rule::CodeRollup => "code-rollup",
            Rule::RateColumn => "rate-column",
            Rule::ExecRate => "exec-rate",
            Rule::FundBreakdown => "fund-breakdown",
            Rule::ScoreTotal => "score-total",
            Rule::ProjectMatch => "project-match",
            Rule::YoyChange => "yoy-change",
            Rule::Share => "share",
            Rule::PartsSum => "parts-sum",
            Rule::Subset => "subset",
            Rule::BudgetVariance => "budget-variance",
            Rule::CountList => "count-list",
            Rule::RepeatedFigure => "repeated-figure",
            Rule::TextTable => "text-table",
            Rule::Surplus => "surplus",
            Rule::NetAssets => "net-assets",
            Rule::ChangeAmount => "change-amount",
            Rule::ChangeColumn => "change-column",
            Rule::Pace => "pace",
            Rule::Saving => "saving",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule compares with its id, so readers of a report can write `e.rule == "total-row"`.
impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.id() == other
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// An arithmetic expression over printed figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A printed figure: stands for its rounding interval.
    Fig(FigId),
    /// A printed figure known to be exact (a count of people, a designed score weight).
    Exact(FigId),
    /// A blank or dash cell inside a sum: adds nothing.
    Blank,
    /// An exact constant.
    Const(Decimal),
    /// Sum of terms.
    Sum(Vec<Expr>),
    /// Difference.
    Sub(Box<Expr>, Box<Expr>),
    /// Product.
    Mul(Box<Expr>, Box<Expr>),
    /// Quotient.
    Div(Box<Expr>, Box<Expr>),
    /// `a ÷ b`, in percent.
    Pct(Box<Expr>, Box<Expr>),
    /// The smaller of two.
    Min(Box<Expr>, Box<Expr>),
    /// The absolute value: a difference the text states without its sign ("差值为 0.9 万元").
    Abs(Box<Expr>),
    /// The n-th root (n ≥ 1) of a value that is not negative: an average yearly rate is
    /// (end ÷ start)^(1/n) − 1 over n years.
    Root(Box<Expr>, u32),
}

/// A term of a sum read from a table's cells: a figure, or nothing for a blank or dash
/// cell. Plain data (an [`Expr`] has boxes to drop): a check refills one vector of them a
/// row at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A printed figure.
    Fig(FigId),
    /// A blank or dash cell.
    Blank,
}

impl From<Term> for Expr {
    fn from(t: Term) -> Expr {
        match t {
            Term::Fig(id) => Expr::Fig(id),
            Term::Blank => Expr::Blank,
        }
    }
}

impl Expr {
    /// The term of a sum this is, when it is a figure or a blank.
    pub fn term(&self) -> Option<Term> {
        match self {
            Expr::Fig(id) => Some(Term::Fig(*id)),
            Expr::Blank => Some(Term::Blank),
            _ => None,
        }
    }

    /// Sum of figures.
    pub fn sum(terms: impl IntoIterator<Item = Expr>) -> Expr {
        Expr::Sum(terms.into_iter().into_vec())
    }
    /// `a − b`.
    pub fn difference(a: Expr, b: Expr) -> Expr {
        Expr::Sub(Box::new(a), Box::new(b))
    }
    /// `a × b`.
    pub fn product(a: Expr, b: Expr) -> Expr {
        Expr::Mul(Box::new(a), Box::new(b))
    }
    /// `a ÷ b`.
    pub fn quotient(a: Expr, b: Expr) -> Expr {
        Expr::Div(Box::new(a), Box::new(b))
    }
    /// `a ÷ b` in percent.
    pub fn pct(a: Expr, b: Expr) -> Expr {
        Expr::Pct(Box::new(a), Box::new(b))
    }
    /// `min(a, b)`.
    pub fn min(a: Expr, b: Expr) -> Expr {
        Expr::Min(Box::new(a), Box::new(b))
    }
    /// `max(a, b)`, as `0 − min(0 − a, 0 − b)`, which interval arithmetic bounds exactly.
    pub fn max(a: Expr, b: Expr) -> Expr {
        let neg = |e| Expr::difference(Expr::int(0), e);
        neg(Expr::min(neg(a), neg(b)))
    }
    /// `|a|`.
    pub fn abs(a: Expr) -> Expr {
        Expr::Abs(Box::new(a))
    }
    /// `a^(1/n)`.
    pub fn root(a: Expr, n: u32) -> Expr {
        Expr::Root(Box::new(a), n)
    }
    /// An integer constant.
    pub fn int(n: i64) -> Expr {
        Expr::Const(Decimal::from(n))
    }

    /// Every figure the expression reads.
    pub fn figures(&self, out: &mut Vec<FigId>) {
        match self {
            Expr::Fig(id) | Expr::Exact(id) => out.push(*id),
            Expr::Blank | Expr::Const(_) => {}
            // a sum of cells (a relation a row): its terms read without a call each
            Expr::Sum(v) => v.iter().for_each(|e| match e {
                Expr::Fig(id) | Expr::Exact(id) => out.push(*id),
                Expr::Blank | Expr::Const(_) => {}
                e => e.figures(out),
            }),
            Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pct(a, b)
            | Expr::Min(a, b) => {
                a.figures(out);
                b.figures(out);
            }
            Expr::Abs(a) | Expr::Root(a, _) => a.figures(out),
        }
    }
}

/// How the reported figure must compare with the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cmp {
    /// Equal, within rounding.
    Eq,
    /// Not above (a score not above its maximum; a part not above its whole).
    AtMost,
    /// Not below.
    AtLeast,
}

/// How serious a failure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown for relations that hold.
    Info,
    /// Likely wrong, but the relation rests on a convention that may not apply.
    Warning,
    /// An identity that must hold does not.
    Error,
}

/// Why a printed figure is probably wrong, when a known slip reproduces it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// A year-on-year rate divided by this year's figure instead of last year's.
    ThisYearBase,
    /// A share or rate computed on another total.
    WrongBase(Text),
    /// Cut off instead of rounded.
    Truncated,
    /// A ratio printed with a percent sign (0.0067 → 0.0067%).
    RatioAsPercent,
    /// A percentage one hundred times too large or small.
    PercentScale,
    /// Off by 10,000: 元 read as 万元 or the reverse.
    TenThousand,
    /// Two adjacent digits swapped.
    Transposed,
    /// A total that leaves out one of its parts.
    DroppedPart(FigId),
    /// A total that counts one of its parts twice.
    DoubledPart(FigId),
    /// A figure copied from another place.
    CopiedFrom(FigId),
    /// Of two printings that should agree, this one also disagrees with its own parts,
    /// which the other printing (the figure named) would satisfy: this is the one to fix.
    OwnPartsDisagree(FigId),
    /// A rate on a zero base: no finite rate exists.
    ZeroBase,
    /// Holds only if figures were rounded that the table's own format shows are whole:
    /// the evidence, in both languages.
    PrintedPrecision(Text),
    /// Anything a check can state exactly.
    Other(Text),
}

impl Cause {
    /// A stable id for machine readers.
    pub fn id(&self) -> &'static str {
        match self {
            Cause::ThisYearBase => "this-year-base",
            Cause::WrongBase(_) => "wrong-base",
            Cause::Truncated => "truncated",
            Cause::RatioAsPercent => "ratio-as-percent",
            Cause::PercentScale => "percent-scale",
            Cause::TenThousand => "ten-thousand",
            Cause::Transposed => "transposed-digits",
            Cause::DroppedPart(_) => "dropped-part",
            Cause::DoubledPart(_) => "doubled-part",
            Cause::CopiedFrom(_) => "copied",
            Cause::OwnPartsDisagree(_) => "own-parts-disagree",
            Cause::ZeroBase => "zero-base",
            Cause::PrintedPrecision(_) => "printed-precision",
            Cause::Other(_) => "other",
        }
    }

    /// The cause in both languages.
    pub fn text(&self, doc: &Document) -> Text {
        // the figure as printed and where a reader finds it: a part of a total by its row
        let raw = |id: &FigId| {
            doc.figure(*id)
                .map_or_else(|| "?".to_string(), |f| f.raw.to_string())
        };
        let part = |id: &FigId| (raw(id), doc.row_of(*id));
        let fig = |id: &FigId| (raw(id), doc.where_is(*id));
        match self {
            Cause::ThisYearBase => Text::new(
                "增减率以本年数为基数计算，应以上年数（本年数减去增加额或加上减少额）为基数",
                "the rate was divided by this year's figure; the base is last year's (this year minus the increase, or plus the decrease)",
            ),
            Cause::WrongBase(t) => t.clone(),
            Cause::Truncated => Text::new("数值被截断而非四舍五入", "the value was truncated instead of rounded"),
            Cause::RatioAsPercent => Text::new(
                "把比值直接加上了百分号（未乘以 100）",
                "a ratio was printed with a percent sign (not multiplied by 100)",
            ),
            Cause::PercentScale => Text::new("百分数放大或缩小了 100 倍", "the percentage is off by a factor of 100"),
            Cause::TenThousand => Text::new("元与万元混淆（相差 10000 倍）", "元 and 万元 confused (off by 10,000)"),
            Cause::Transposed => Text::new("相邻两位数字颠倒", "two adjacent digits transposed"),
            Cause::DroppedPart(id) => {
                let (raw, at) = part(id);
                Text::new(
                    format!("合计漏加了{}的 {raw}", at.zh),
                    format!("the total leaves out {raw} ({})", at.en),
                )
            }
            Cause::DoubledPart(id) => {
                let (raw, at) = part(id);
                Text::new(
                    format!("合计重复加了{}的 {raw}", at.zh),
                    format!("the total counts {raw} ({}) twice", at.en),
                )
            }
            Cause::CopiedFrom(id) => {
                let (raw, at) = fig(id);
                Text::new(
                    format!("疑似照抄了{}的 {raw}", at.zh),
                    format!("looks copied from {raw} ({})", at.en),
                )
            }
            Cause::OwnPartsDisagree(id) => {
                let raw = raw(id);
                Text::new(
                    format!("此数与其本身的各项也不符；若为 {raw}，两处都成立"),
                    format!("it does not match its own parts either; were it {raw}, both would hold"),
                )
            }
            Cause::ZeroBase => Text::new(
                "基数为零，不存在有限的增减率",
                "the base is zero: no finite rate exists",
            ),
            Cause::PrintedPrecision(t) | Cause::Other(t) => t.clone(),
        }
    }
}

/// Another plausible binding of the same claim: another base for a rate, another total
/// for a 其中, another position in a respectively-list. The evaluator decides over all
/// readings together, as it decides over every unrounded value of a printed figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// What the target should be under this reading.
    pub expr: Expr,
    /// What this reading takes the claim to say.
    pub what: Text,
}

/// The words of a relation a table check finds on every row, left to be built from the
/// document when the relation is kept ([`Relation::with_words`]): a 100k-row table finds
/// 100k relations, and the lean report drops the words of those that hold unread. Opt-in
/// per relation ([`Relation::words_later`]); the words built are those the check would
/// have written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The check whose words these are.
    pub kind: WordsKind,
    /// The table ([`Document::tables`]).
    pub table: u32,
    /// The row of the target.
    pub row: u32,
    /// The column of the target.
    pub col: u32,
    /// The column of the label the words name (total-row: the total's own label).
    pub label_col: u32,
}

/// Which check's words a [`Words`] builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordsKind {
    /// `total-row`: "合计 = 所列各行之和（header）".
    TotalRow,
    /// `code-rollup`: "201 label = 下级科目之和（header）".
    CodeRollup,
    /// `column-sum`: "label header = 各分列之和".
    ColumnSum,
}

impl Words {
    /// Words for the cell `(row, col)` of table `table`; `None` when an index does not fit
    /// (the caller then writes its words at once).
    pub fn at(
        kind: WordsKind,
        table: usize,
        row: usize,
        col: usize,
        label_col: usize,
    ) -> Option<Self> {
        Some(Words {
            kind,
            table: u32::try_from(table).ok()?,
            row: u32::try_from(row).ok()?,
            col: u32::try_from(col).ok()?,
            label_col: u32::try_from(label_col).ok()?,
        })
    }
}

/// One asserted relation: `target` (as printed) `cmp` `expr` (recomputed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The check that found it.
    pub rule: Rule,
    /// The printed figure being checked: where a failure is reported.
    pub target: FigId,
    /// What it should be.
    pub expr: Expr,
    /// How they compare.
    pub cmp: Cmp,
    /// Severity if it fails.
    pub severity: Severity,
    /// What the relation says, e.g. "处室合计 = 各行之和（执行数）".
    pub what: Text,
    /// Known wrong computations that would print the target: the first that reproduces it
    /// is named as the likely cause.
    pub alternatives: Vec<(Cause, Expr)>,
    /// A divisor of exactly zero makes the printed rate wrong (a rate on a zero base),
    /// rather than undecidable.
    pub zero_base_fails: bool,
    /// Why it cannot be decided, when it cannot (a blank input, a header not understood).
    pub unchecked: Option<Text>,
    /// The target is exact as printed (a count, a score), not a rounded value.
    pub exact_target: bool,
    /// The expression is monotone in each figure over the inputs' intervals (a rate on last
    /// year's base, a variance): its exact range is the hull of its values at the corners,
    /// which is narrower than interval arithmetic gives when a figure appears twice.
    pub monotone: bool,
    /// The sentence or row it comes from, for the reader.
    pub context: Option<String>,
    /// Other plausible readings besides `expr`: the relation fails only when every reading
    /// fails, and is not checked when they disagree.
    pub readings: Vec<Reading>,
    /// The same relation with the inputs the document's format shows to be whole taken as
    /// exact, and that evidence: when the relation holds only by rounding those inputs and
    /// fails without it, it is a warning naming the evidence.
    pub strict: Option<(Expr, Text)>,
    /// The text does not assert it; the figures only may bear it out (parts of a list not
    /// known to be whole that add up to their total). Reported when it holds, and left out
    /// of the report — never failed, never "not checked" — when it does not.
    pub only_if_holds: bool,
    /// The text may mean what it does not state (a whole named loosely): when the relation
    /// fails it is not checked, for this reason, rather than failed.
    pub unsure: Option<Box<Text>>,
    /// The words of [`Relation::what`] not built yet: built by [`Relation::with_words`]
    /// when the relation is kept whole.
    pub words: Option<Words>,
}

impl Relation {
    /// `target = expr`, an error when it fails.
    pub fn equals(rule: Rule, target: FigId, expr: Expr, what: Text) -> Self {
        Relation {
            rule,
            target,
            expr,
            cmp: Cmp::Eq,
            severity: Severity::Error,
            what,
            alternatives: Vec::new(),
            zero_base_fails: false,
            unchecked: None,
            exact_target: false,
            monotone: false,
            context: None,
            readings: Vec::new(),
            strict: None,
            only_if_holds: false,
            unsure: None,
            words: None,
        }
    }

    /// Leaves [`Relation::what`] to be built from the document when the relation is kept
    /// (`what` given to the constructor stays empty until then).
    pub fn words_later(mut self, words: Words) -> Self {
        self.words = Some(words);
        self
    }

    /// The relation with its words built, where they were left for later.
    pub fn with_words(mut self, doc: &Document) -> Self {
        if let Some(w) = self.words.take() {
            self.what = crate::checks::words(doc, &w);
        }
        self
    }

    /// Marks a relation the text does not assert (see [`Relation::only_if_holds`]).
    pub fn only_if_holds(mut self) -> Self {
        self.only_if_holds = true;
        self
    }

    /// Marks a relation not checked, for `why`, where it does not hold (see
    /// [`Relation::unsure`]).
    pub fn unsure(mut self, why: Text) -> Self {
        self.unsure = Some(Box::new(why));
        self
    }

    /// A relation that cannot be decided, with the reason.
    pub fn unchecked(rule: Rule, target: FigId, what: Text, why: Text) -> Self {
        Relation {
            unchecked: Some(why),
            ..Relation::equals(rule, target, Expr::Blank, what)
        }
    }

    /// Sets the comparison.
    pub fn cmp(mut self, cmp: Cmp) -> Self {
        self.cmp = cmp;
        self
    }

    /// Sets the severity.
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    /// Adds a candidate cause.
    pub fn alternative(mut self, cause: Cause, expr: Expr) -> Self {
        self.alternatives.push((cause, expr));
        self
    }

    /// Marks a rate whose zero base is itself an error.
    pub fn zero_base_fails(mut self) -> Self {
        self.zero_base_fails = true;
        self
    }

    /// Takes the target as exact: a count or a designed score is not rounded.
    pub fn exact_target(mut self) -> Self {
        self.exact_target = true;
        self
    }

    /// Declares the expression monotone in each figure (see [`Relation::monotone`]).
    pub fn monotone(mut self) -> Self {
        self.monotone = true;
        self
    }

    /// Adds another plausible reading of the claim.
    pub fn reading(mut self, expr: Expr, what: Text) -> Self {
        self.readings.push(Reading { expr, what });
        self
    }

    /// Adds the reading with inputs taken as exact by the document's format (see
    /// [`Relation::strict`]).
    pub fn strict(mut self, expr: Expr, evidence: Text) -> Self {
        self.strict = Some((expr, evidence));
        self
    }

    /// The severity a failure with this verdict's cause has: a failure that rests on the
    /// printed format only is a warning.
    pub fn severity_for(&self, cause: Option<&Cause>) -> Severity {
        match cause {
            Some(Cause::PrintedPrecision(_)) => Severity::Warning.min(self.severity),
            _ => self.severity,
        }
    }

    /// Sets the context shown with it.
    pub fn context(mut self, c: impl Into<String>) -> Self {
        self.context = Some(c.into());
        self
    }
}
