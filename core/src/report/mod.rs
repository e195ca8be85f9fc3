//! Reports for trainers: what a group did, read from a data folder, as a self-contained
//! HTML page and CSV files (`hold-the-line report`), and a trainee's own "My progress".
//!
//! - `load`: reads the data folder (the only file reading here) into [`CallFact`]s, and
//!   lists what it could not use as [`Skipped`];
//! - `from_statements`: the same calls from xAPI statements read back from an LRS
//!   (`report --lrs`);
//! - `model`: the figures, as pure functions over calls;
//! - `maps`: each played case's map with the cohort's choices on it;
//! - `html` and `csv`: the page and the spreadsheets;
//! - `trainee`: the data of the game's "My progress" screen.

pub mod csv;
pub mod fact;
pub mod from_statements;
pub mod html;
pub mod load;
pub mod maps;
pub mod model;
pub mod trainee;

use std::path::{Path, PathBuf};

pub use fact::{CallFact, DataFolder, Origin, SkipReason, Skipped, TraineeFact};
pub use from_statements::read_statements;
pub use load::read_data_folder;
pub use trainee::{CaseProgress, RuleTally, TraineeProgress};

use crate::guidance::Catalogue;
use crate::i18n::Lang;
use crate::scenario::Scenario;
use model::{CaseStats, DayCount, GridRow, Heatmap, PlayedCase, TierStep, TraineeReport, calls_of};

/// What a report covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only calls finished on or after this day (UTC), `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Only this trainee (the name as signed in; case and outer spaces do not matter).
    pub trainee: Option<String>,
}

/// Everything the page and the spreadsheets show.
#[derive(Debug, Clone)]
pub struct Report {
    pub lang: Lang,
    /// Where the calls were read from: a data folder, or an LRS endpoint (`report --lrs`).
    pub source: Origin,
    pub filter: Filter,
    /// The calls covered, in the order they finished.
    pub calls: Vec<CallFact>,
    pub trainees: Vec<TraineeFact>,
    pub cases: Vec<PlayedCase>,
    pub grid: Vec<GridRow>,
    pub heatmap: Heatmap,
    pub case_stats: Vec<CaseStats>,
    /// Each played case's map (SVG) with the cohort on it, by case id.
    pub maps: std::collections::BTreeMap<String, String>,
    pub daily: Vec<DayCount>,
    pub tier_steps: Vec<TierStep>,
    pub trainee_reports: Vec<TraineeReport>,
    /// The shifts worked in the period by the trainees covered, in the order they finished.
    pub shifts: Vec<crate::shift::ShiftRecord>,
    pub skipped: Vec<Skipped>,
    /// The catalogue's rule ids in order (ties and tables follow it).
    pub rule_order: Vec<String>,
}

/// Why a report cannot be made as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    BadDate(String),
    NoSuchTrainee { name: String, known: Vec<String> },
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FilterError::BadDate(why) => write!(f, "--since: {why}"),
            FilterError::NoSuchTrainee { name, known } if known.is_empty() => {
                write!(
                    f,
                    "--trainee: no trainee named \"{name}\": the data folder has no trainees yet"
                )
            }
            FilterError::NoSuchTrainee { name, known } => write!(
                f,
                "--trainee: no trainee named \"{name}\"; the trainees are: {}",
                known.join(", ")
            ),
        }
    }
}

impl std::error::Error for FilterError {}

/// Builds the report from what was read.
pub fn build(
    folder: DataFolder,
    source: Origin,
    scenarios: &[Scenario],
    catalogue: &Catalogue,
    filter: Filter,
    lang: Lang,
) -> Result<Report, FilterError> {
    let since: Option<crate::vocab::stamp::Timestamp> = filter
        .since
        .as_deref()
        .map(crate::vocab::stamp::read_day)
        .transpose()
        .map_err(FilterError::BadDate)?;
    let DataFolder {
        calls: all_calls,
        trainees,
        skipped,
        shifts: all_shifts,
    } = folder;
    let trainees: Vec<TraineeFact> = match &filter.trainee {
        Some(name) => {
            let key = crate::profile::slug(name);
            let found: Vec<TraineeFact> = trainees
                .iter()
                .filter(|t| crate::profile::slug(&t.name) == key)
                .cloned()
                .collect();
            if found.is_empty() {
                return Err(FilterError::NoSuchTrainee {
                    name: name.trim().to_string(),
                    known: trainees.iter().map(|t| t.name.clone()).collect(),
                });
            }
            found
        }
        None => trainees,
    };
    let in_filter = |c: &CallFact| {
        since.is_none_or(|s| c.finished_at >= s)
            && trainees
                .iter()
                .any(|t| crate::profile::slug(&t.name) == crate::profile::slug(&c.trainee))
    };
    let shifts: Vec<crate::shift::ShiftRecord> = all_shifts
        .into_iter()
        .filter(|r| {
            since.is_none_or(|s| load::finished_at(&r.finished).map_or(true, |when| when >= s))
                && trainees
                    .iter()
                    .any(|t| crate::profile::slug(&t.name) == crate::profile::slug(&r.profile))
        })
        .collect();
    let calls: Vec<CallFact> = all_calls.iter().filter(|c| in_filter(c)).cloned().collect();
    let rule_order: Vec<String> = catalogue.rules.iter().map(|r| r.id.clone()).collect();
    let policy = &catalogue.scoring;
    let cases = model::cases_played(&calls, scenarios);
    let grid = model::cohort_grid(&calls, &all_calls, &trainees, &cases, scenarios, policy);
    let mut journeys = Vec::new();
    let mut trainee_reports = Vec::new();
    for t in &trainees {
        // The way through the tiers is from the trainee's first call, whatever the period.
        let journey = model::journey(
            &calls_of(&all_calls, &t.name),
            scenarios,
            policy,
            t.unlocked_tiers.as_ref(),
        );
        journeys.push(journey.clone());
        // Left calls in the period shown (a time that does not read is counted).
        let left = t
            .left
            .iter()
            .filter(|at| since.is_none_or(|s| load::finished_at(at).map_or(true, |when| when >= s)))
            .count();
        trainee_reports.push(model::trainee_report(
            &t.name,
            &calls_of(&calls, &t.name),
            journey,
            &rule_order,
            left,
        ));
    }
    Ok(Report {
        lang,
        source,
        heatmap: model::rule_heatmap(&calls, &rule_order),
        case_stats: model::case_stats(&calls, &cases, scenarios),
        maps: maps::cohort_maps(&cases, &calls, scenarios, catalogue, lang),
        daily: model::daily(&calls),
        tier_steps: model::tier_steps(&journeys, policy.tiers),
        grid,
        cases,
        trainee_reports,
        calls,
        trainees,
        shifts,
        skipped,
        rule_order,
        filter,
    })
}

/// The files a report was written to.
#[derive(Debug, Clone)]
pub struct Written {
    pub html: PathBuf,
    pub csv: Vec<PathBuf>,
}

/// Writes `report.html` and the CSV files into `dir` (created when missing).
pub fn write(report: &Report, catalogue: &Catalogue, dir: &Path) -> std::io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let html = dir.join("report.html");
    std::fs::write(&html, html::page(report, catalogue))?;
    let csv = csv::write_all(report, dir)?;
    Ok(Written { html, csv })
}
