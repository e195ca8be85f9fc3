//! The languages the game speaks, and how one is chosen from a tag or the system locale.

use serde::{Deserialize, Serialize};

/// A UI language. Scenarios may be written in others; the frame speaks these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ar,
    He,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::He];

    /// The BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::He => "he",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::He => "עברית",
        }
    }

    /// Written right to left: the whole layout mirrors.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::He)
    }

    /// The language of a tag or a POSIX locale: `ar`, `ar-EG`, `he_IL.UTF-8`, `iw` (the old
    /// code for Hebrew), `en-GB`. None for anything else.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            "he" | "iw" => Some(Lang::He),
            _ => None,
        }
    }

    /// The language of the system locale, from the variables POSIX reads in its order
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`); None when none names a language the game speaks.
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
    }

    /// The system's language, or English.
    pub fn from_system() -> Lang {
        Lang::from_locale_vars(|k| std::env::var(k).ok()).unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_posix_locales_name_their_language() {
        assert_eq!(Lang::parse("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::parse("he_IL.UTF-8"), Some(Lang::He));
        assert_eq!(Lang::parse("iw"), Some(Lang::He));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR.UTF-8"), None);
        assert_eq!(Lang::parse("C"), None);
    }

    #[test]
    fn lc_all_outranks_lang_and_an_empty_variable_is_skipped() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "he_IL.UTF-8"), ("LANG", "ar_EG.UTF-8")])),
            Some(Lang::He)
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "ar_EG.UTF-8")])),
            Some(Lang::Ar)
        );
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "C.UTF-8")])), None);
    }
}
