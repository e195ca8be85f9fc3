//! `hold-the-line library`: the table of cases for docs/, produced from the files and the
//! explorer rather than typed by hand.

use std::io::Write;
use std::path::Path;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, LibraryArgs};
use crate::explore::{Adversary, explore};
use crate::guidance::Catalogue;
use crate::scenario::load_paths;

pub(super) fn run(
    args: &LibraryArgs,
    scenarios_dir: &Path,
    catalogue: &Catalogue,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| scenarios_dir.to_path_buf());
    let library = match load_paths(std::slice::from_ref(&dir), catalogue) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let table = markdown(&library, catalogue, &dir);
    match &args.out {
        Some(path) => {
            std::fs::write(path, &table)?;
            writeln!(
                out,
                "wrote {} ({} scenarios)",
                path.display(),
                library.scenarios.len()
            )?;
        }
        None => write!(out, "{table}")?,
    }
    Ok(if library.errors() > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    })
}

fn longest_card_cell(l: &crate::explore::LongestCard) -> String {
    format!(
        "{}{} ({}/{} right)",
        l.score,
        if l.passed { " **passes**" } else { "" },
        l.longest_is_right,
        l.choice_points
    )
}

fn adversary_cell(a: &crate::explore::AdversaryResult) -> String {
    let Some(best) = &a.best else {
        return "-".into();
    };
    let mut cell = best.score.to_string();
    if a.passed {
        cell.push_str(" **passes**");
    }
    if a.adversary == Adversary::EachCoreRuleOnce && a.core_breaks.len() < 4 {
        cell.push_str(&format!(" ({}/4)", a.core_breaks.len()));
    }
    if a.partial {
        // The best found within the budget; a pass not found is not proven impossible.
        cell.push_str(" (found, partial)");
    }
    cell
}

/// How many cases of one language follow and break one rule in their replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCoverage {
    pub rule: String,
    /// Judged from play (timing, voice): every case exercises it, whatever its language.
    pub from_play: bool,
    pub followed_in: usize,
    pub broken_in: usize,
}

/// One language's cases and how they cover the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCoverage {
    pub cases: usize,
    /// In the catalogue's order.
    pub rules: Vec<RuleCoverage>,
}

/// Per language (the primary tag: "ar" for "ar-EG"): how many cases there are, and how many
/// have a reply that follows and one that breaks each rule. A rule a language never breaks
/// is one its trainees never learn to recognise.
pub fn rule_coverage(
    library: &crate::scenario::Library,
    catalogue: &Catalogue,
) -> std::collections::BTreeMap<String, LanguageCoverage> {
    let mut out = std::collections::BTreeMap::new();
    for scenario in &library.scenarios {
        let lang = scenario
            .language
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let language = out.entry(lang).or_insert_with(|| LanguageCoverage {
            cases: 0,
            rules: catalogue
                .rules
                .iter()
                .map(|r| RuleCoverage {
                    rule: r.id.clone(),
                    from_play: r.measured == crate::guidance::Measured::Play,
                    followed_in: 0,
                    broken_in: 0,
                })
                .collect(),
        });
        language.cases += 1;
        let replies: Vec<_> = scenario.beats.iter().flat_map(|b| &b.replies).collect();
        for row in language.rules.iter_mut() {
            if replies.iter().any(|r| r.follows.contains(&row.rule)) {
                row.followed_in += 1;
            }
            if replies.iter().any(|r| r.breaks.contains(&row.rule)) {
                row.broken_in += 1;
            }
        }
    }
    out
}

fn coverage_markdown(library: &crate::scenario::Library, catalogue: &Catalogue) -> String {
    let coverage = rule_coverage(library, catalogue);
    let mut s = String::from(
        "\n## Rules followed and broken in each language\n\nHow many cases of each language have a reply that follows the rule and one that breaks it (*followed / broken*). Rules judged from play (timing, voice) are judged in every case.\n\n| rule |",
    );
    for (lang, language) in &coverage {
        s.push_str(&format!(" {lang} ({} cases) |", language.cases));
    }
    s.push_str("\n|---|");
    for _ in &coverage {
        s.push_str("---|");
    }
    s.push('\n');
    for (i, rule) in catalogue.rules.iter().enumerate() {
        s.push_str(&format!("| `{}` |", rule.id));
        for language in coverage.values() {
            let row = &language.rules[i];
            if row.from_play {
                s.push_str(" from play |");
            } else {
                let mark = |n: usize| {
                    if n == 0 {
                        "**0**".to_string()
                    } else {
                        n.to_string()
                    }
                };
                s.push_str(&format!(
                    " {} / {} |",
                    mark(row.followed_in),
                    mark(row.broken_in)
                ));
            }
        }
        s.push('\n');
    }
    s
}

/// The library as Markdown: one row per case, then the rules and how many cases use each.
pub fn markdown(library: &crate::scenario::Library, catalogue: &Catalogue, dir: &Path) -> String {
    let mut s = String::new();
    s.push_str("# The scenario library\n\n");
    s.push_str(&format!(
        "Generated by `hold-the-line library {} --out docs/scenarios.md` from the scenario files and the explorer; do not edit by hand.\n\n",
        dir.display()
    ));
    s.push_str("*Longest card*: the score of a trainee who always picks the longest reply (by the book otherwise), and at how many choice points the longest reply is a right one. A case that passes that way gives its answers away.\n\n");
    s.push_str("| tier | id | title | channel | pass mark | winnable | best | worst | forgiveness | longest card | endings | rules exercised |\n");
    s.push_str("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    let mut uses: Vec<Vec<&str>> = vec![Vec::new(); catalogue.rules.len()];
    let mut by_case = String::new();
    let mut adversaries = String::new();
    let mut partial = Vec::new();
    for scenario in &library.scenarios {
        let r = explore(scenario, catalogue, 1);
        if r.partial {
            partial.push(format!("- `{}`: {}\n", scenario.id, r.coverage()));
        }
        // From a partial search, figures are what was found, not what is proven.
        let found = if r.partial { " (found)" } else { "" };
        for (i, rule) in catalogue.rules.iter().enumerate() {
            if r.rules_exercised.contains(&rule.id) {
                uses[i].push(scenario.id.as_str());
            }
        }
        by_case.push_str(&format!(
            "- `{}`: {}\n",
            scenario.id,
            r.rules_exercised
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        let reachable: Vec<&str> = r
            .endings
            .iter()
            .filter(|e| e.reachable)
            .map(|e| e.id.as_str())
            .collect();
        s.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            scenario.tier,
            scenario.id,
            scenario.title,
            scenario.channel.label(),
            scenario.pass_mark,
            match (r.winnable, r.partial) {
                (true, _) => "yes",
                (false, false) => "**no**",
                (false, true) => "not found (partial)",
            },
            r.best
                .as_ref()
                .map_or("-".into(), |b| format!("{}{found}", b.score)),
            r.worst
                .as_ref()
                .map_or("-".into(), |b| format!("{}{found}", b.score)),
            r.forgiveness.map_or("-".into(), |n| if r.partial {
                format!("at least {n} broken")
            } else {
                format!("{n} broken")
            }),
            longest_card_cell(&r.longest_card),
            reachable.join(", "),
            r.rules_exercised.len(),
        ));
        adversaries.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            scenario.tier,
            scenario.id,
            scenario.pass_mark,
            r.adversaries
                .iter()
                .map(adversary_cell)
                .collect::<Vec<_>>()
                .join(" | "),
        ));
    }
    if !partial.is_empty() {
        s.push_str("\n## Cases explored only in part\n\n");
        s.push_str("These cases outgrew the explorer's budget: their figures cover only the paths explored (best and worst are the best and worst found, an ending, beat or rule not listed may still be reached, and a pass not found is not proven impossible).\n\n");
        for line in &partial {
            s.push_str(line);
        }
    }
    s.push_str("\n## Adversarial trainees\n\n");
    s.push_str("The best score each adversarial trainee reaches (`explore` prints their paths): a bored trainee who games the score one way. **passes** marks a case such a trainee can pass; *n/4* is how many core rules the each-core-rule-once trainee manages to break when the case does not offer all four.\n\n");
    for a in Adversary::ALL {
        s.push_str(&format!("- *{}*: {}\n", a.label(), a.describe()));
    }
    s.push_str("\n| tier | id | pass mark |");
    for a in Adversary::ALL {
        s.push_str(&format!(" {} |", a.label()));
    }
    s.push_str("\n|---|---|---|");
    for _ in Adversary::ALL {
        s.push_str("---|");
    }
    s.push('\n');
    s.push_str(&adversaries);
    s.push_str("\n## Rules each case exercises\n\n");
    s.push_str(&by_case);
    s.push_str("\n## Rules across the library\n\n| rule | cases | which |\n|---|---|---|\n");
    for (rule, cases) in catalogue.rules.iter().zip(uses) {
        s.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            cases.len(),
            cases.join(", ")
        ));
    }
    s.push_str(&coverage_markdown(library, catalogue));
    s
}
