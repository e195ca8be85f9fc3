//! Saved progress: atomic saves, recovery from a damaged file with a notice, never a silent
//! reset, and the mastery rule that opens tiers.

mod common;

use std::fs;

use htl_core::engine::script::{self, parse};
use htl_core::guidance::Catalogue;
use htl_core::profile::{Notice, Profile, ProfileError, Store, slug};
use htl_core::scenario::load_paths;
use htl_core::tiers::{Access, Lock, Progression, open_earned_tiers};

fn finished_call_score(passing: bool) -> (htl_core::engine::Score, u64) {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let script = if passing {
        "1, 1:soft, 1, 1, 1"
    } else {
        "2, 2@interrupt:firm"
    };
    let (call, _) = script::run(scenario, &catalogue, 5, &parse(script).unwrap());
    (call.score(), 5)
}

#[test]
fn a_profile_round_trips_and_keeps_the_previous_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let (mut profile, notice) = store.open("Noor").unwrap();
    assert!(notice.is_none());
    assert!(profile.cases.is_empty());
    store.save(&profile).unwrap();

    let (score, seed) = finished_call_score(true);
    profile.record("missing_parcel", &score, seed, "x.json".into());
    store.save(&profile).unwrap();
    let (again, _) = store.open("Noor").unwrap();
    assert_eq!(again, profile);
    assert_eq!(again.case("missing_parcel").unwrap().attempts, 1);
    assert!(again.passed("missing_parcel"));
    // The earlier save is kept as the last good copy.
    let backup = store.path_for("Noor").with_extension("ron.bak");
    let old: String = fs::read_to_string(backup).unwrap();
    assert!(!old.contains("missing_parcel"));
    assert_eq!(store.names(), vec!["Noor".to_string()]);
}

#[test]
fn best_score_only_improves_and_attempts_count_every_try() {
    let mut profile = Profile::new("Sam");
    let (good, seed) = finished_call_score(true);
    let (bad, _) = finished_call_score(false);
    profile.record("missing_parcel", &good, seed, "a".into());
    profile.record("missing_parcel", &bad, seed, "b".into());
    let case = profile.case("missing_parcel").unwrap();
    assert_eq!(case.attempts, 2);
    assert_eq!(case.passes, 1);
    assert_eq!(case.best_score, Some(good.total));
    assert_eq!(profile.sessions.len(), 2);
}

#[test]
fn a_damaged_file_is_recovered_from_the_backup_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let (mut profile, _) = store.open("Dana").unwrap();
    store.save(&profile).unwrap();
    let (score, seed) = finished_call_score(true);
    profile.record("missing_parcel", &score, seed, "a".into());
    store.save(&profile).unwrap();
    // A crash or a disk fault leaves half a file.
    let path = store.path_for("Dana");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, &text[..text.len() / 2]).unwrap();
    // The damaged profile is still offered under Continue, through its backup.
    assert_eq!(store.names(), vec!["Dana".to_string()]);

    let (recovered, notice) = store.open("Dana").unwrap();
    let Some(Notice::RecoveredFromBackup {
        damaged_kept_at, ..
    }) = notice.clone()
    else {
        panic!("no notice: {notice:?}");
    };
    assert!(
        notice
            .unwrap()
            .message()
            .contains("restored from the last good copy")
    );
    assert_eq!(recovered.name, "Dana");
    // The damaged file is kept for a look, not deleted.
    assert_eq!(
        fs::read_to_string(&damaged_kept_at).unwrap(),
        &text[..text.len() / 2]
    );
}

#[test]
fn when_both_copies_are_unreadable_nothing_is_reset() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.path_for("Lee");
    fs::write(&path, "garbage (").unwrap();
    fs::write(path.with_extension("ron.bak"), "also garbage").unwrap();
    match store.open("Lee") {
        Err(ProfileError::Unreadable { .. }) => {}
        other => panic!("expected Unreadable, got {other:?}"),
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "garbage (");
}

#[test]
fn a_trainee_whose_file_and_backup_are_damaged_is_still_listed_and_can_start_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut profile = Profile::new("Noor Haddad");
    profile
        .cases
        .insert("missing_parcel".into(), Default::default());
    store.save(&profile).unwrap();
    store.save(&profile).unwrap();
    let path = store.path_for("Noor Haddad");
    let backup = path.with_extension("ron.bak");
    // Both cut short mid-write by a failing disk.
    for file in [&path, &backup] {
        let text = fs::read_to_string(file).unwrap();
        fs::write(file, &text[..text.len() / 2]).unwrap();
    }
    let damaged = fs::read_to_string(&path).unwrap();
    // Still offered under "Continue as", so signing in can say what happened.
    assert_eq!(store.names(), vec!["Noor Haddad".to_string()]);
    assert!(matches!(
        store.open("Noor Haddad"),
        Err(ProfileError::Unreadable { .. })
    ));
    let (fresh, kept) = store.start_afresh("Noor Haddad").unwrap();
    assert!(fresh.cases.is_empty());
    // The damaged files are kept aside, word for word, and nothing else is listed.
    assert_eq!(kept.len(), 2);
    assert!(
        kept.iter()
            .any(|k| fs::read_to_string(k).unwrap() == damaged)
    );
    assert_eq!(store.names(), vec!["Noor Haddad".to_string()]);
    let (reopened, notice) = store.open("Noor Haddad").unwrap();
    assert_eq!((reopened.name.as_str(), notice), ("Noor Haddad", None));
}

#[test]
fn a_profile_from_a_newer_version_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.path_for("Kim");
    let future = "(schema: 99, name: \"Kim\", created: \"2030-01-01T00:00:00Z\", hologram: true)";
    fs::write(&path, future).unwrap();
    assert!(matches!(
        store.open("Kim"),
        Err(ProfileError::TooNew { schema: 99, .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn names_in_any_script_get_distinct_files() {
    let names = ["Noor", "noor ", "نور", "נור", "Noor!", "No or"];
    let slugs: std::collections::HashSet<String> = names.iter().map(|n| slug(n)).collect();
    // "Noor" and "noor " are the same trainee; the others differ.
    assert_eq!(slugs.len(), names.len() - 1);
    assert!(
        slugs
            .iter()
            .all(|s| !s.is_empty() && !s.contains('/') && !s.contains('.'))
    );
}

#[test]
fn finished_sessions_are_written_with_transcript_and_score() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenario = library.get("missing_parcel").unwrap();
    let (call, _) = script::run(
        scenario,
        &catalogue,
        9,
        &parse("1, 1:soft, 1, 1, 1").unwrap(),
    );
    let (mut profile, _) = store.open("Ari").unwrap();
    let path = store.record_session(&mut profile, &call).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["scenario"], "missing_parcel");
    assert_eq!(json["seed"], 9);
    assert_eq!(json["score"]["total"], call.score().total);
    assert!(json["transcript"].as_array().unwrap().len() > 10);
    assert_eq!(profile.sessions.last().unwrap().score, call.score().total);
}

#[test]
fn passing_enough_cases_opens_the_next_tier_once() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenarios = &library.scenarios;
    let mut profile = Profile::new("Tal");
    let tier1: Vec<&str> = scenarios
        .iter()
        .filter(|s| s.tier == 1)
        .map(|s| s.id.as_str())
        .collect();
    let policy = &catalogue.scoring;
    let needed = policy.passes_to_open_next_tier.min(tier1.len());
    let progress = Progression::new(scenarios, &profile, policy);
    assert!(!progress.tier_open(2) || tier1.is_empty());
    if let Some(t2) = scenarios.iter().find(|s| s.tier == 2) {
        let lock = Lock::Tier {
            tier: 2,
            below: 1,
            more: needed,
        };
        assert_eq!(progress.access(t2), Access::Locked(lock.clone()));
        assert!(lock.english().contains("tier 1"), "{}", lock.english());
    }
    let (score, seed) = finished_call_score(true);
    for id in tier1.iter().take(needed) {
        assert!(
            open_earned_tiers(scenarios, policy, &mut profile).is_empty()
                || profile.unlocked_tiers.contains(&2)
        );
        profile.record(id, &score, seed, String::new());
    }
    assert_eq!(open_earned_tiers(scenarios, policy, &mut profile), vec![2]);
    assert!(
        open_earned_tiers(scenarios, policy, &mut profile).is_empty(),
        "announced once"
    );
    let progress = Progression::new(scenarios, &profile, policy);
    assert!(progress.tier_open(2));
    assert_eq!(
        progress.starting_tier(),
        2,
        "the list opens on the newly opened tier"
    );
}

#[test]
fn next_case_offers_the_next_playable_case_skipping_locked_ones() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenarios = &library.scenarios;
    let profile = Profile::new("Noa");
    let progress = Progression::new(scenarios, &profile, &catalogue.scoring);
    let last_of_tier1 = scenarios.iter().rfind(|s| s.tier == 1).unwrap();
    // Nothing passed: after the last tier-1 case every case is locked, so there is no next.
    assert!(progress.next_case(&last_of_tier1.id).is_none());
    let first = &scenarios[0];
    let next = progress
        .next_case(&first.id)
        .expect("tier 1 has more than one case");
    assert_eq!(next.id, scenarios[1].id);
    assert!(progress.can_play(next));
}

#[test]
fn a_case_with_a_prerequisite_names_it_until_it_is_passed() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let scenarios = &library.scenarios;
    let gated = scenarios
        .iter()
        .find(|s| !s.requires.is_empty())
        .expect("the library has a case with a prerequisite");
    let needed = library.get(&gated.requires[0]).unwrap();
    let mut profile = Profile::new("Ola");
    profile.unlocked_tiers.extend([2, 3, 4]);
    let progress = Progression::new(scenarios, &profile, &catalogue.scoring);
    let Access::Locked(lock) = progress.access(gated) else {
        panic!("{} should wait for {}", gated.id, needed.id);
    };
    assert_eq!(lock, Lock::Requires(vec![needed.title.clone()]));
    let why = lock.english();
    // A title ending in its own full stop gets no second one.
    assert!(!why.contains(".."), "{why}");
    let (score, seed) = finished_call_score(true);
    profile.record(&needed.id, &score, seed, String::new());
    let progress = Progression::new(scenarios, &profile, &catalogue.scoring);
    assert_eq!(progress.access(gated), Access::Open);
}

#[test]
fn continue_lists_the_most_recently_saved_profiles_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    // Saved a day apart each (file times are set, so a coarse file system cannot tie them).
    let day = std::time::Duration::from_secs(86_400);
    let long_ago = std::time::SystemTime::now() - day * 10;
    let save_on = |name: &str, day_number: u32| {
        let (profile, _) = store.open(name).unwrap();
        store.save(&profile).unwrap();
        fs::File::options()
            .write(true)
            .open(store.path_for(name))
            .unwrap()
            .set_modified(long_ago + day * day_number)
            .unwrap();
    };
    save_on("Zara", 1);
    save_on("Adam", 2);
    save_on("Mina", 3);
    assert_eq!(store.names(), vec!["Mina", "Adam", "Zara"]);
    save_on("Adam", 4);
    assert_eq!(store.names(), vec!["Adam", "Mina", "Zara"]);
}

#[test]
fn the_chosen_language_is_saved_and_an_older_save_without_one_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let (mut profile, _) = store.open("Rana").unwrap();
    assert_eq!(profile.language, None);
    profile.language = Some(htl_core::i18n::Lang::Ar);
    store.save(&profile).unwrap();
    let (again, notice) = store.open("Rana").unwrap();
    assert!(notice.is_none());
    assert_eq!(again.language, Some(htl_core::i18n::Lang::Ar));
    // A save written before languages existed has no `language` field.
    let old = fs::read_to_string(store.path_for("Rana")).unwrap();
    assert!(old.contains("language"));
    let without: String = old
        .lines()
        .filter(|l| !l.trim_start().starts_with("language"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(store.path_for("Rana"), without).unwrap();
    let (older, notice) = store.open("Rana").unwrap();
    assert!(notice.is_none(), "{notice:?}");
    assert_eq!(older.language, None);
    assert_eq!(older.name, "Rana");
}

#[test]
fn the_tier_rule_says_what_a_small_folder_asks() {
    use htl_core::i18n::{Lang, Messages};
    let catalogue = Catalogue::builtin();
    let full = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let profile = Profile::new("Ana");
    let rule = |scenarios: &[htl_core::scenario::Scenario]| {
        Progression::new(scenarios, &profile, &catalogue.scoring)
            .rule_text(Messages::plain(), Lang::En)
    };
    assert!(
        rule(&full.scenarios).starts_with("Pass 3 cases"),
        "{}",
        rule(&full.scenarios)
    );
    // A trainer's folder with one case in each of tiers 1 and 2.
    let small: Vec<_> = ["missing_parcel", "match_outage"]
        .iter()
        .map(|id| full.get(id).unwrap().clone())
        .collect();
    assert!(
        rule(&small).starts_with("Pass one case"),
        "{}",
        rule(&small)
    );
}

/// Both saves damaged beyond the trainee's name: the session files still know them, so they
/// stay under "Continue as", and starting afresh rebuilds what those files hold (attempts,
/// passes, best scores, the calls themselves) instead of "your last 0 calls".
#[test]
fn starting_afresh_rebuilds_the_profile_from_the_session_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let (mut profile, _) = store.open("Maya Levi").unwrap();
    let mut best = 0;
    for (case, script) in [
        ("missing_parcel", "2, 2@interrupt:firm"),
        ("missing_parcel", "1, 1:soft, 1, 1, 1"),
        ("double_charge", "1, 1:soft, 1, 1, 1"),
    ] {
        let scenario = library.get(case).unwrap();
        let (call, _) = script::run(scenario, &catalogue, 3, &parse(script).unwrap());
        if case == "missing_parcel" {
            best = best.max(call.score().total);
        }
        store.record_session(&mut profile, &call).unwrap();
        store.save(&profile).unwrap();
    }
    let path = store.path_for("Maya Levi");
    for file in [&path, &path.with_extension("ron.bak")] {
        fs::write(file, "(schema: 1, na").unwrap();
    }
    assert_eq!(store.names(), vec!["Maya Levi".to_string()], "still listed");
    let (fresh, _) = store.start_afresh("Maya Levi").unwrap();
    assert_eq!(fresh.sessions.len(), 3, "every recorded call is back");
    let parcel = fresh.case("missing_parcel").unwrap();
    assert_eq!((parcel.attempts, parcel.best_score), (2, Some(best)));
    assert_eq!(
        parcel.passes,
        profile.case("missing_parcel").unwrap().passes
    );
    assert_eq!(fresh.case("double_charge").map(|c| c.attempts), Some(1));
    assert!(
        fresh
            .sessions
            .iter()
            .all(|s| store.dir().join(&s.file).exists())
    );
    let (reopened, _) = store.open("Maya Levi").unwrap();
    assert_eq!(reopened.sessions.len(), 3, "and saved");
}

/// A trainer's folder with tier-1 cases only: passing them opens no empty tier to announce,
/// and the trainee stays at tier 1.
#[test]
fn a_folder_with_one_tier_announces_no_empty_tiers() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    let only: Vec<htl_core::scenario::Scenario> = library
        .scenarios
        .iter()
        .filter(|s| s.id == "missing_parcel")
        .cloned()
        .collect();
    let mut profile = Profile::new("Tal");
    let (score, seed) = finished_call_score(true);
    assert!(score.passed);
    profile.record("missing_parcel", &score, seed, String::new());
    let opened = open_earned_tiers(&only, &catalogue.scoring, &mut profile);
    assert!(opened.is_empty(), "announced {opened:?}");
    assert_eq!(
        Progression::new(&only, &profile, &catalogue.scoring).starting_tier(),
        1
    );
}
