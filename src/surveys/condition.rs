//! Conditions that show or hide an item (`show_if`), on answers to earlier items.
//!
//! Grammar: `item = code`, `item != code`, `item in [a, b]`, and for numbers `<`, `<=`, `>`, `>=`;
//! combined with `and`, `or` (and binds tighter) and parentheses. A comparison with an unanswered
//! item is false, so a follow-up question stays hidden until its lead question is answered.

use std::fmt;

/// A value in a condition: an option code or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An option code (or the "weet niet" code of a scale).
    Code(String),
    /// A whole number (grades, scale points, numbers).
    Number(i64),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Code(c) => f.write_str(c),
            Value::Number(n) => write!(f, "{n}"),
        }
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    /// Whether the operator only makes sense for numbers.
    pub fn is_ordering(self) -> bool {
        matches!(self, Op::Lt | Op::Le | Op::Gt | Op::Ge)
    }
}

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// `item op value`
    Compare {
        /// Item key.
        item: String,
        /// Operator.
        op: Op,
        /// Value compared with.
        value: Value,
    },
    /// `item in [values]`
    In {
        /// Item key.
        item: String,
        /// Accepted values.
        values: Vec<Value>,
    },
    /// Both hold.
    And(Box<Condition>, Box<Condition>),
    /// Either holds.
    Or(Box<Condition>, Box<Condition>),
}

/// An answer as conditions see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Not answered (or hidden).
    None,
    /// One option code (single choice, or a scale's "weet niet").
    Code(String),
    /// Chosen option codes (multiple choice).
    Codes(Vec<String>),
    /// A number (grade, scale point, number item).
    Number(i64),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Number(i64),
    Op(Op),
    And,
    Or,
    In,
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
}

fn lex(s: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = vec![];
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '(' => {
                out.push(Token::Open);
                i += 1
            }
            ')' => {
                out.push(Token::Close);
                i += 1
            }
            '[' => {
                out.push(Token::OpenList);
                i += 1
            }
            ']' => {
                out.push(Token::CloseList);
                i += 1
            }
            ',' => {
                out.push(Token::Comma);
                i += 1
            }
            '=' => {
                // Accept `==` as a courtesy.
                i += if chars.get(i + 1) == Some(&'=') { 2 } else { 1 };
                out.push(Token::Op(Op::Eq));
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push(Token::Op(Op::Ne));
                i += 2
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                out.push(Token::Op(match (c, eq) {
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    _ => Op::Ge,
                }));
                i += if eq { 2 } else { 1 };
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|x| *x == c)
                    .ok_or("aanhalingsteken niet gesloten")?;
                out.push(Token::Ident(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let start = i;
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                if i < chars.len() && (chars[i].is_ascii_alphabetic() || chars[i] == '_') {
                    while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                        i += 1;
                    }
                    out.push(Token::Ident(chars[start..i].iter().collect()));
                } else {
                    out.push(Token::Number(
                        text.parse()
                            .map_err(|_| format!("getal '{text}' is te groot"))?,
                    ));
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '-')
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                out.push(match word.as_str() {
                    "and" => Token::And,
                    "or" => Token::Or,
                    "in" => Token::In,
                    _ => Token::Ident(word),
                });
            }
            other => return Err(format!("onverwacht teken '{other}'")),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expr(&mut self) -> Result<Condition, String> {
        let mut left = self.term()?;
        while self.peek() == Some(&Token::Or) {
            self.pos += 1;
            let right = self.term()?;
            left = Condition::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Condition, String> {
        let mut left = self.factor()?;
        while self.peek() == Some(&Token::And) {
            self.pos += 1;
            let right = self.factor()?;
            left = Condition::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.next() {
            Some(Token::Ident(s)) => Ok(Value::Code(s)),
            Some(Token::Number(n)) => Ok(Value::Number(n)),
            _ => Err("hier hoort een waarde (een code of een getal)".into()),
        }
    }

    fn factor(&mut self) -> Result<Condition, String> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.expr()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err("haakje ')' ontbreekt".into()),
                }
            }
            Some(Token::Ident(item)) => match self.next() {
                Some(Token::Op(op)) => Ok(Condition::Compare {
                    item,
                    op,
                    value: self.value()?,
                }),
                Some(Token::In) => {
                    if self.next() != Some(Token::OpenList) {
                        return Err("na 'in' hoort een lijst: [a, b]".into());
                    }
                    let mut values = vec![self.value()?];
                    loop {
                        match self.next() {
                            Some(Token::Comma) => values.push(self.value()?),
                            Some(Token::CloseList) => break,
                            _ => return Err("lijst niet goed gesloten met ']'".into()),
                        }
                    }
                    Ok(Condition::In { item, values })
                }
                _ => Err(format!("na '{item}' hoort =, !=, <, <=, >, >= of in")),
            },
            _ => Err("hier hoort een vraag (sleutel) of '('".into()),
        }
    }
}

/// Parses a condition, or says what is wrong with it.
pub fn parse(s: &str) -> Result<Condition, String> {
    let tokens = lex(s)?;
    if tokens.is_empty() {
        return Err("de voorwaarde is leeg".into());
    }
    let mut p = Parser { tokens, pos: 0 };
    let c = p.expr()?;
    if p.pos < p.tokens.len() {
        return Err(
            "na het einde van de voorwaarde staat nog tekst (ontbreekt 'and' of 'or'?)".into(),
        );
    }
    Ok(c)
}

fn matches_value(answer: &Answer, value: &Value) -> bool {
    match (answer, value) {
        (Answer::Code(a), Value::Code(v)) => a == v,
        (Answer::Codes(list), Value::Code(v)) => list.contains(v),
        (Answer::Number(a), Value::Number(v)) => a == v,
        _ => false,
    }
}

impl Condition {
    /// The item keys the condition refers to.
    pub fn items(&self) -> Vec<&str> {
        match self {
            Condition::Compare { item, .. } | Condition::In { item, .. } => vec![item.as_str()],
            Condition::And(a, b) | Condition::Or(a, b) => {
                let mut v = a.items();
                v.extend(b.items());
                v
            }
        }
    }

    /// Every (item, value) the condition compares with, for checking codes against options.
    pub fn values(&self) -> Vec<(&str, Op, &Value)> {
        match self {
            Condition::Compare { item, op, value } => vec![(item.as_str(), *op, value)],
            Condition::In { item, values } => {
                values.iter().map(|v| (item.as_str(), Op::Eq, v)).collect()
            }
            Condition::And(a, b) | Condition::Or(a, b) => {
                let mut v = a.values();
                v.extend(b.values());
                v
            }
        }
    }

    /// Evaluates the condition on answers.
    pub fn eval(&self, answer: &dyn Fn(&str) -> Answer) -> bool {
        match self {
            Condition::And(a, b) => a.eval(answer) && b.eval(answer),
            Condition::Or(a, b) => a.eval(answer) || b.eval(answer),
            Condition::In { item, values } => {
                let a = answer(item);
                values.iter().any(|v| matches_value(&a, v))
            }
            Condition::Compare { item, op, value } => {
                let a = answer(item);
                if a == Answer::None {
                    return false;
                }
                match op {
                    Op::Eq => matches_value(&a, value),
                    Op::Ne => !matches_value(&a, value),
                    _ => match (&a, value) {
                        (Answer::Number(x), Value::Number(y)) => match op {
                            Op::Lt => x < y,
                            Op::Le => x <= y,
                            Op::Gt => x > y,
                            _ => x >= y,
                        },
                        _ => false,
                    },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers<'a>(pairs: &'a [(&'a str, Answer)]) -> impl Fn(&str) -> Answer + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, a)| a.clone())
                .unwrap_or(Answer::None)
        }
    }

    #[test]
    fn parses_and_evaluates() {
        let c = parse("terugvordering = ja").unwrap();
        assert!(c.eval(&answers(&[("terugvordering", Answer::Code("ja".into()))])));
        assert!(!c.eval(&answers(&[("terugvordering", Answer::Code("nee".into()))])));
        assert!(!c.eval(&answers(&[])), "unanswered hides");
        let c = parse("cijfer < 6 or (a in [x, y] and b != z)").unwrap();
        assert!(c.eval(&answers(&[("cijfer", Answer::Number(5))])));
        assert!(!c.eval(&answers(&[("cijfer", Answer::Number(6))])));
        assert!(c.eval(&answers(&[
            ("a", Answer::Code("y".into())),
            ("b", Answer::Code("q".into()))
        ])));
        assert!(
            !c.eval(&answers(&[("a", Answer::Code("y".into()))])),
            "b unanswered"
        );
        assert_eq!(c.items(), vec!["cijfer", "a", "b"]);
    }

    #[test]
    fn and_binds_tighter_than_or() {
        let c = parse("a = x or b = y and c = z").unwrap();
        assert!(c.eval(&answers(&[("a", Answer::Code("x".into()))])));
    }

    #[test]
    fn multiple_choice_means_chosen() {
        let c = parse("kanaal = telefoon").unwrap();
        assert!(c.eval(&answers(&[(
            "kanaal",
            Answer::Codes(vec!["balie".into(), "telefoon".into()])
        )])));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(parse("").unwrap_err().contains("leeg"));
        assert!(parse("a = ").unwrap_err().contains("waarde"));
        assert!(parse("(a = b").unwrap_err().contains(")"));
        assert!(parse("a = b c = d").unwrap_err().contains("and"));
        assert!(parse("a ~ b").unwrap_err().contains("teken"));
        assert!(parse("a in x").unwrap_err().contains("lijst"));
        assert_eq!(parse("a == 'b'"), parse("a = b"));
    }
}
