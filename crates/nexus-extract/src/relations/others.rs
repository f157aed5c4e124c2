//! Places listed before "and other <places> of <place>": "Medellín, Bello y otros municipios de
//! Antioquia", "Puerto Quijarro and other towns in Santa Cruz", "Santos e outras cidades do
//! litoral de São Paulo". The other places are said to lie in the place after "of", so the
//! listed ones are too (located_in).

use super::attach::{contains, place_head};
use super::frames::Candidate;
use super::table::Cue;
use super::view::View;
use crate::ExtractedEntity;
use nexus_kb::{EntityType, KnowledgeBase};

const PLACES: [EntityType; 2] = [EntityType::Place, EntityType::Country];
/// Read from how a list is put together, weaker than a stated verb.
const STRENGTH: f64 = 0.65;

pub fn apply(v: &View, kb: &KnowledgeBase, entities: &[ExtractedEntity], out: &mut Vec<Candidate>) {
    let Some(located_in) = v.t.id(super::table::Pred::LocatedIn) else { return };
    for k in 2..v.len() {
        let Some(n) = v.cue_at(k, Cue::OtherPlaces) else { continue };
        let Some(outer) = container(v, k + n) else { continue };
        for inner in listed(v, k) {
            if v.entity(inner) != v.entity(outer) && contains(kb, entities, v.entity(outer), v.entity(inner)) != Some(false) {
                out.push(Candidate::new(inner, located_in, outer, (k, k + n), STRENGTH));
            }
        }
    }
}

/// The places (not countries: "Peru and other countries of the region" is another relation)
/// listed right before "and other …" at `k`, a word coordinator between.
fn listed(v: &View, k: usize) -> Vec<usize> {
    if !v.is(k - 1, Cue::Coordinator) || v.norms[k - 1] == "," {
        return Vec::new();
    }
    v.list_left(k, &[EntityType::Place])
}

/// The place after "of"/"in" at `k` ("de Antioquia", "del departamento de Santa Cruz", "in the
/// state of Sinaloa"); none when something else comes first.
fn container(v: &View, k: usize) -> Option<usize> {
    if !(v.is(k, Cue::Of) || v.is(k, Cue::Inside)) {
        return None;
    }
    let mut j = v.past_article(k + 1);
    if place_head(v, j) && v.is(j + 1, Cue::Of) {
        j = v.past_article(j + 2);
    }
    v.fits(j, &PLACES).then_some(j)
}
