//! The individual identification number (IIN): twelve digits, the birth date `YYMMDD`, a digit
//! giving the century and the sex, four serial digits and a check digit.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

qorgau_i18n::vocabulary! {
    /// Sex as the IIN, the register and the facts of the rules name it.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Sex: "citizen-sex-" {
        Male = "male",
        Female = "female",
    }
}

/// A valid IIN: only [`Iin::parse`] makes one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Iin {
    digits: [u8; 12],
    birth_date: NaiveDate,
    sex: Sex,
}

/// Why a text is not a valid IIN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IinError {
    #[error("an IIN has exactly 12 digits; got {0:?}")]
    Shape(String),
    #[error("the 7th digit of an IIN gives century and sex and is 1 to 6; got {0}")]
    CenturySex(u8),
    #[error("the first six digits of IIN {iin} are not a date (YYMMDD)")]
    Date { iin: String },
    #[error("the check digit of IIN {iin} is {found}, but the number requires {expected}")]
    CheckDigit {
        iin: String,
        found: u8,
        expected: u8,
    },
    #[error(
        "no check digit is valid for the first eleven digits of IIN {0} (both weightings give 10)"
    )]
    NoCheckDigit(String),
    #[error("IIN {iin} says {from_iin}, but the record says {stated}")]
    Mismatch {
        iin: String,
        from_iin: String,
        stated: String,
    },
}

const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first eleven digits: the weighted sum modulo 11 with weights 1..11;
/// when that gives 10, again with weights 3..11, 1, 2; when that too gives 10, there is none.
pub fn check_digit(first: &[u8; 11]) -> Option<u8> {
    let weighted = |weights: &[u32; 11]| {
        first
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    let first_pass = weighted(&FIRST_WEIGHTS);
    if first_pass < 10 {
        return Some(first_pass as u8);
    }
    let second_pass = weighted(&SECOND_WEIGHTS);
    (second_pass < 10).then_some(second_pass as u8)
}

impl Iin {
    pub fn parse(text: &str) -> Result<Self, IinError> {
        let trimmed = text.trim();
        if trimmed.len() != 12 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IinError::Shape(trimmed.to_owned()));
        }
        let mut digits = [0u8; 12];
        for (slot, byte) in digits.iter_mut().zip(trimmed.bytes()) {
            *slot = byte - b'0';
        }
        let (century, sex) = match digits[6] {
            1 => (1800, Sex::Male),
            2 => (1800, Sex::Female),
            3 => (1900, Sex::Male),
            4 => (1900, Sex::Female),
            5 => (2000, Sex::Male),
            6 => (2000, Sex::Female),
            other => return Err(IinError::CenturySex(other)),
        };
        let pair = |i: usize| u32::from(digits[i]) * 10 + u32::from(digits[i + 1]);
        let birth_date = NaiveDate::from_ymd_opt(century + pair(0) as i32, pair(2), pair(4))
            .ok_or_else(|| IinError::Date {
                iin: trimmed.to_owned(),
            })?;
        let mut first = [0u8; 11];
        first.copy_from_slice(&digits[..11]);
        let expected =
            check_digit(&first).ok_or_else(|| IinError::NoCheckDigit(trimmed.to_owned()))?;
        if expected != digits[11] {
            return Err(IinError::CheckDigit {
                iin: trimmed.to_owned(),
                found: digits[11],
                expected,
            });
        }
        Ok(Self {
            digits,
            birth_date,
            sex,
        })
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The IIN of a person born on `birth_date` with the given sex and four-digit serial
    /// number, or `None` when no check digit is valid for them (then another serial is used).
    pub fn compose(birth_date: NaiveDate, sex: Sex, serial: u16) -> Option<Self> {
        use chrono::Datelike;
        let century_sex = match (birth_date.year() / 100, sex) {
            (18, Sex::Male) => 1,
            (18, Sex::Female) => 2,
            (19, Sex::Male) => 3,
            (19, Sex::Female) => 4,
            (20, Sex::Male) => 5,
            (20, Sex::Female) => 6,
            _ => return None,
        };
        if serial > 9999 {
            return None;
        }
        let text = format!(
            "{:02}{:02}{:02}{century_sex}{serial:04}",
            birth_date.year() % 100,
            birth_date.month(),
            birth_date.day()
        );
        let mut first = [0u8; 11];
        for (slot, byte) in first.iter_mut().zip(text.bytes()) {
            *slot = byte - b'0';
        }
        let check = check_digit(&first)?;
        Self::parse(&format!("{text}{check}")).ok()
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// Refuses a record whose stated sex or birth date differs from what the IIN encodes.
    pub fn check_record(&self, sex: Sex, birth_date: NaiveDate) -> Result<(), IinError> {
        if sex != self.sex {
            return Err(IinError::Mismatch {
                iin: self.to_string(),
                from_iin: format!("sex {:?}", self.sex).to_lowercase(),
                stated: format!("sex {sex:?}").to_lowercase(),
            });
        }
        if birth_date != self.birth_date {
            return Err(IinError::Mismatch {
                iin: self.to_string(),
                from_iin: format!("born {}", self.birth_date),
                stated: format!("born {birth_date}"),
            });
        }
        Ok(())
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for digit in self.digits {
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

impl FromStr for Iin {
    type Err = IinError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid IIN from its first eleven digits (when one exists).
    fn with_check(first: &str) -> Option<String> {
        let mut digits = [0u8; 11];
        for (slot, b) in digits.iter_mut().zip(first.bytes()) {
            *slot = b - b'0';
        }
        check_digit(&digits).map(|c| format!("{first}{c}"))
    }

    #[test]
    fn parses_date_century_and_sex() {
        let iin = Iin::parse(&with_check("85071530012").unwrap()).unwrap();
        assert_eq!(
            iin.birth_date(),
            NaiveDate::from_ymd_opt(1985, 7, 15).unwrap()
        );
        assert_eq!(iin.sex(), Sex::Male);
        let iin = Iin::parse(&with_check("04022960123").unwrap()).unwrap();
        assert_eq!(
            iin.birth_date(),
            NaiveDate::from_ymd_opt(2004, 2, 29).unwrap()
        );
        assert_eq!(iin.sex(), Sex::Female);
    }

    #[test]
    fn the_first_weighting_decides_when_it_is_below_ten() {
        // 1*8+2*5+3*0+4*7+5*1+6*5+7*3+8*0+9*0+10*1+11*2 = 134; 134 mod 11 = 2.
        assert_eq!(check_digit(&[8, 5, 0, 7, 1, 5, 3, 0, 0, 1, 2]), Some(2));
    }

    #[test]
    fn the_second_weighting_decides_when_the_first_gives_ten() {
        // Search the serials of one birth date for a number whose first pass gives 10.
        let mut found_second = false;
        let mut found_none = false;
        for serial in 0..10_000u32 {
            let text = format!("900101{}{:04}", 3, serial);
            let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
            let mut first = [0u8; 11];
            first.copy_from_slice(&digits[..11]);
            let pass1: u32 = first
                .iter()
                .zip(FIRST_WEIGHTS)
                .map(|(d, w)| u32::from(*d) * w)
                .sum::<u32>()
                % 11;
            if pass1 == 10 {
                match check_digit(&first) {
                    Some(c) => {
                        found_second = true;
                        let pass2: u32 = first
                            .iter()
                            .zip(SECOND_WEIGHTS)
                            .map(|(d, w)| u32::from(*d) * w)
                            .sum::<u32>()
                            % 11;
                        assert_eq!(u32::from(c), pass2);
                        assert!(Iin::parse(&format!("{text}{c}")).is_ok());
                    }
                    None => {
                        found_none = true;
                        for c in 0..10 {
                            assert!(matches!(
                                Iin::parse(&format!("{text}{c}")),
                                Err(IinError::NoCheckDigit(_))
                            ));
                        }
                    }
                }
            }
        }
        assert!(
            found_second && found_none,
            "both cases occur among 10,000 serials"
        );
    }

    #[test]
    fn refuses_malformed_numbers_with_the_reason() {
        assert!(matches!(Iin::parse("12345"), Err(IinError::Shape(_))));
        assert!(matches!(
            Iin::parse("85071530012a"),
            Err(IinError::Shape(_))
        ));
        assert!(matches!(
            Iin::parse("850715700122"),
            Err(IinError::CenturySex(7))
        ));
        let bad_date = with_check("85133130012").unwrap();
        assert!(matches!(Iin::parse(&bad_date), Err(IinError::Date { .. })));
        let good = with_check("85071530012").unwrap();
        let wrong_check = format!("{}{}", &good[..11], (good.as_bytes()[11] - b'0' + 1) % 10);
        assert!(matches!(
            Iin::parse(&wrong_check),
            Err(IinError::CheckDigit { .. })
        ));
    }

    #[test]
    fn a_record_must_agree_with_its_iin() {
        let iin = Iin::parse(&with_check("85071530012").unwrap()).unwrap();
        let born = NaiveDate::from_ymd_opt(1985, 7, 15).unwrap();
        assert!(iin.check_record(Sex::Male, born).is_ok());
        let error = iin.check_record(Sex::Female, born).unwrap_err();
        assert!(error.to_string().contains("sex male"), "{error}");
        let error = iin
            .check_record(Sex::Male, born.succ_opt().unwrap())
            .unwrap_err();
        assert!(error.to_string().contains("born 1985-07-15"), "{error}");
    }
}
