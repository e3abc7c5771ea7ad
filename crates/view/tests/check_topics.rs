//! Every check id has a topic the checks list shows in English and zh-TW
//! (`i18n::check_topic`). That every id *has* one is the compiler's job now (`CheckId` is a
//! closed enum and the match is exhaustive); this checks the topics read differently in the two
//! languages and that the well-known ids keep their topics.

use badge_verifier::report::CheckId;
use badge_view::i18n::{check_topic, t, Key, Lang};

#[test]
fn every_check_id_has_a_topic_in_both_languages() {
    assert!(CheckId::ALL.len() > 30, "{} ids", CheckId::ALL.len());
    for &id in CheckId::ALL {
        let k = check_topic(id);
        assert_ne!(t(Lang::En, k), t(Lang::ZhTw, k), "{id}");
    }
}

#[test]
fn topics_of_known_ids() {
    assert_eq!(check_topic(CheckId::Signature), Key::TopicSignature);
    assert_eq!(check_topic(CheckId::ProofCreated), Key::TopicSignature);
    assert_eq!(check_topic(CheckId::ProofMethod), Key::TopicKey);
    assert_eq!(check_topic(CheckId::IssuedBy), Key::TopicKey);
    assert_eq!(check_topic(CheckId::JwtNbf), Key::TopicClaims);
    assert_eq!(check_topic(CheckId::JwtHeader), Key::TopicSignature);
    assert_eq!(check_topic(CheckId::Status), Key::TopicStatus);
    assert_eq!(check_topic(CheckId::Issued), Key::TopicDates);
    assert_eq!(
        check_topic(CheckId::CredentialSubjectAchievementAlignmentType),
        Key::TopicStructure
    );
}
