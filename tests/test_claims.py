"""Claims stage on small French and English articles, through the real ner and resolve stages."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline import attribution, claims, ner, resolve
from pipeline.schema import Claim, Document


@pytest.fixture(scope="module")
def models() -> tuple[ner.NerModels, claims.ClaimModels]:
    return ner.load_models(ner.NerParams()), claims.load_models(claims.ClaimsParams())


def claims_of(text: str, lang: str, models: tuple[ner.NerModels, claims.ClaimModels], title: str | None = None, dateline: str | None = None) -> list[Claim]:
    document = Document(
        doc_id="d", source="d.txt", lang=lang, text=text, title=title, raw_sha256="0" * 64, encoding="utf-8", n_chars=len(text),
        dateline=dateline, dateline_start=text.find(dateline) if dateline else None, dateline_end=text.find(dateline) + len(dateline) if dateline else None,
    )
    found = list(ner.run([document], models[0], ner.NerParams()))
    mentions, entities = resolve.run([(document, found)], resolve.ResolveParams())
    resolved = list(mentions)
    result = claims.extract_claims(document, resolved, {e.entity_id: e for e in entities}, claims.ClaimsParams(), models[1])
    for c in result:
        assert text[c.start : c.end] == c.sentence
        for piece in c.text.split(claims.PIECE_JOIN):
            assert piece in text[c.start : c.end] or c.attribution == "cataphora"
    return result


def summary(found: list[Claim]) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.cue, c.stance) for c in found]


def test_speaker_before_the_cue_and_pronoun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre vietnamien des Affaires étrangères Bui Thanh Son a affirmé que la souveraineté de chaque pays "
        "doit être respectée. De même, il a appelé tous les pays à renforcer la coopération internationale."
    )
    found = claims_of(text, "fr", models)
    assert summary(found) == [("Bui Thanh Son", "a affirmé", "call"), ("Bui Thanh Son", "a appelé", "call")]
    assert found[0].text == "la souveraineté de chaque pays doit être respectée"
    assert found[0].speaker_entity_id == "person:bui-thanh-son" and found[0].speaker_country == "VNM"
    assert "sovereignty" in found[0].topics and "international_cooperation" in found[1].topics


def test_content_first_with_the_speaker_after_the_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Il est nécessaire de renforcer la coopération régionale dans le partage d'informations, a affirmé l'ambassadeur "
        "Dang Dinh Quy, chef de la Mission permanente du Vietnam auprès de l'ONU.\n"
        "Toutes les parties ont la responsabilité de protéger les infrastructures vitales, a-t-il ajouté."
    )
    found = claims_of(text, "fr", models)
    assert summary(found) == [("Dang Dinh Quy", "a affirmé", "call"), ("Dang Dinh Quy", "a-t-il ajouté", "call")]
    assert found[0].text == "Il est nécessaire de renforcer la coopération régionale dans le partage d'informations"
    assert {c.attribution for c in found} == {"inverted"}
    assert "critical_infrastructure" in found[1].topics


def test_selon_and_the_sentences_that_continue_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Selon le ministre Bui Thanh Son, il faut une solution mondiale à la cybersécurité. Il est nécessaire que la "
        "communauté internationale établisse un cadre avec des règles de comportement responsable.\n"
        "Le Vietnam a développé une stratégie nationale de transformation numérique en 2021."
    )
    found = claims_of(text, "fr", models)
    assert len(found) == 1
    assert (found[0].speaker, found[0].cue, found[0].attribution) == ("Bui Thanh Son", "Selon", "according_to")
    assert found[0].text.endswith("des règles de comportement responsable")


def test_cataphora_takes_what_came_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La cybersécurité revêt une signification clé pour la paix. La souveraineté de chaque pays doit être respectée.\n"
        "C'est ce qu'a déclaré le 29 juin le ministre des Affaires étrangères Bui Thanh Son lors d'un débat."
    )
    found = claims_of(text, "fr", models)
    assert [(c.text, c.stance, c.attribution) for c in found] == [
        ("La cybersécurité revêt une signification clé pour la paix", "neutral", "cataphora"),
        ("La souveraineté de chaque pays doit être respectée", "call", "cataphora"),
    ]
    assert {c.speaker for c in found} == {"Bui Thanh Son"}


def test_direct_and_mixed_quotes(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Il s'agit d'un défi commun à toute l'humanité », a affirmé le Premier ministre Pham Minh Chinh.\n"
        "Le Premier ministre a appelé les pays à mettre en œuvre les « cinq axes de renforcement » de la coopération."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.quote_type, c.stance) for c in found] == [
        ("Pham Minh Chinh", "direct", "concern"),
        ("Pham Minh Chinh", "mixed", "call"),
    ]


def test_elle_is_not_a_man(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "L'ambassadrice Nguyen Phuong Nga a affirmé que le dialogue restait indispensable. "
        "Le ministre Bui Thanh Son a rappelé que la coopération régionale progresse. "
        "Elle a également appelé les pays à partager davantage d'informations."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Nguyen Phuong Nga", "Bui Thanh Son", "Nguyen Phuong Nga"]


def test_nationality_picks_the_right_official(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Vietnamese Foreign Minister Bui Thanh Son met Indonesian Foreign Minister Retno Marsudi in Jakarta on Monday. "
        "The Indonesian minister said both countries must protect their critical infrastructure. "
        "The Vietnamese FM called on ASEAN members to share information on cyber threats."
    )
    found = claims_of(text, "en", models)
    assert summary(found) == [("Retno Marsudi", "said", "call"), ("Bui Thanh Son", "called on", "call")]
    assert found[0].speaker_country == "IDN"


def test_english_inverted_and_according_to(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Vietnam is ready to work with partners to build a peaceful cyberspace, Deputy Prime Minister Pham Binh Minh "
        "said on Thursday after talks with his Japanese counterpart.\n"
        "According to the minister, every activity on cyberspace should respect international law."
    )
    found = claims_of(text, "en", models)
    assert summary(found) == [("Pham Binh Minh", "said", "support"), ("Pham Binh Minh", "According to", "call")]
    assert found[0].text == "Vietnam is ready to work with partners to build a peaceful cyberspace"


def test_collective_speakers_and_coordinated_cues(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Les participants ont exprimé leur soutien à un cyberespace pacifique et ont appelé les nations à améliorer "
        "leurs capacités informatiques. Ils ont également appelé à promouvoir le droit international humanitaire."
    )
    found = claims_of(text, "fr", models)
    assert summary(found) == [
        ("participants", "ont exprimé leur soutien", "support"),
        ("participants", "ont appelé", "call"),
        ("participants", "ont également appelé", "call"),
    ]
    assert all(c.speaker_entity_id is None for c in found)
    assert "humanitarian_law" in found[2].topics


def test_stance_from_cues(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The minister Bui Thanh Son expressed concern and objection to the use of harmful technology. "
        "Foreign Minister Retno Marsudi welcomed the new cooperation framework. "
        "Prime Minister Anthony Albanese expressed concern about cyber attacks on hospitals."
    )
    found = claims_of(text, "en", models)
    assert [c.stance for c in found] == ["oppose", "support", "concern"]


def test_stance_from_the_main_word_of_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # neutral cues: the content's word nearest the top of its parse decides, by lemma
    en = (
        "Defence Minister Tomas Lindqvist said Stockholm would never accept any change to the treaty. "
        "Foreign Minister Amara Kone said the fighting had killed hundreds of herders since January. "
        "Ambassador Lena Ortiz said her government would finance the training of fifty pilots. "
        "Minister Joseph Mbeki said the neighbours needed to reopen the road before the rains."
    )
    assert [c.stance for c in claims_of(en, "en", models)] == ["oppose", "concern", "support", "call"]
    fr = (
        "Le ministre Karim Benali a déclaré que son pays ne se laissera pas dicter sa politique. "
        "La ministre Aïcha Diallo a estimé que les voisins devaient rouvrir la route avant l'hiver. "
        "Le ministre Paul Ntare a assuré que Kigali soutiendrait la mise en place d'une caisse régionale."
    )
    assert [c.stance for c in claims_of(fr, "fr", models)] == ["oppose", "call", "support"]


def test_regret_is_concern(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le ministre Karim Benali a regretté que les discussions n'aient produit aucun résultat."
    assert [c.stance for c in claims_of(text, "fr", models)] == ["concern"]


def test_narration_titles_and_repeats_yield_no_extra_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    title = "Le ministre affirme que la coopération est essentielle"
    text = (
        f"{title}\n"
        "Il faut renforcer la coopération régionale, a affirmé l'ambassadeur Dang Dinh Quy.\n"
        "Le Vietnam a accueilli la conférence en novembre à Hanoï.\n"
        "Il faut renforcer la coopération régionale et internationale, a affirmé l'ambassadeur Dang Dinh Quy, chef de la délégation."
    )
    found = claims_of(text, "fr", models, title=title)
    assert len(found) == 1
    assert found[0].text == "Il faut renforcer la coopération régionale et internationale"


def test_unnamed_official_speaks(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Dans son message, le président russe a félicité les États membres de l'ONU pour leur unité, soulignant que « la Russie est prête à coopérer »."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country, c.cue, c.quote_type) for c in found] == [
        ("président russe", "RUS", "a félicité", "indirect"),
        ("président russe", "RUS", "soulignant", "direct"),
    ]


# --- one test per construction, both languages ------------------------------------------------


def one(found: list[Claim]) -> Claim:
    assert len(found) == 1, [(c.speaker, c.cue, c.text) for c in found]
    return found[0]


def test_cue_by_lemma_in_any_tense(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    for text, cue in [
        ("Le ministre Jean-Noël Barrot a déploré l'escalade des violences dans la région.", "a déploré"),
        ("Le ministre Jean-Noël Barrot déplore l'escalade des violences dans la région.", "déplore"),
        ("Le ministre Jean-Noël Barrot avait déploré l'escalade des violences dans la région.", "avait déploré"),
    ]:
        claim = one(claims_of(text, "fr", models))
        assert (claim.speaker, claim.cue, claim.stance) == ("Jean-Noël Barrot", cue, "concern")
    claim = one(claims_of("Senator Mark Ellison argues that the sanctions have failed to change Moscow's course.", "en", models))
    assert (claim.speaker, claim.cue, claim.text) == ("Mark Ellison", "argues", "the sanctions have failed to change Moscow's course")


def test_inversion_with_time_words_between(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Il faut un cessez-le-feu immédiat à Gaza, a estimé dimanche le ministre égyptien des Affaires étrangères Badr Abdelatty."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country, claim.attribution) == ("Badr Abdelatty", "EGY", "inverted")
    assert claim.text == "Il faut un cessez-le-feu immédiat à Gaza"
    text = "The ceasefire must hold, said Egyptian Foreign Minister Badr Abdelatty on Sunday."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.text) == ("Badr Abdelatty", "The ceasefire must hold")


def test_passive_with_agent(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The attack on the convoy was condemned by Foreign Minister Penny Wong, who called it a grave violation of international law."
    found = claims_of(text, "en", models)
    assert found and found[0].speaker == "Penny Wong" and found[0].stance == "oppose"
    assert "The attack on the convoy" in found[0].sentence


def test_participle_and_coordination_share_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Foreign Minister Penny Wong condemned the strike on the hospital and urged all parties to protect civilians, "
        "adding that humanitarian access must be restored."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.stance) for c in found] == [("Penny Wong", "oppose"), ("Penny Wong", "call"), ("Penny Wong", "call")]
    assert found[1].text == "all parties to protect civilians"
    assert found[2].text == "humanitarian access must be restored"
    text = (
        "Le ministère chinois des Affaires étrangères a affirmé que la Chine exerçait une souveraineté indiscutable sur les îles, "
        "et exhorté les Philippines à cesser leurs provocations, rappelant que le dialogue restait possible."
    )
    found = claims_of(text, "fr", models)
    assert len(found) == 3 and len({c.speaker for c in found}) == 1 and found[0].speaker_kind == "organisation"
    assert found[0].text == "la Chine exerçait une souveraineté indiscutable sur les îles"


def test_the_subject_not_the_nearest_name(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Donald Trump slammed Barack Obama's decision on Thursday, saying it would weaken the country."
    found = claims_of(text, "en", models)
    assert {c.speaker for c in found} == {"Donald Trump"}
    text = "Le Premier ministre israélien Benjamin Netanyahu a rencontré les médiateurs, et le Hamas a annoncé qu'il acceptait la trêve."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker_kind, claim.text) == ("organisation", "il acceptait la trêve")


def test_quotation_pieces_are_one_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "\"We will not back down,\" Ambassador Linda Thomas-Greenfield said. \"The sanctions stay until the troops leave.\""
    claim = one(claims_of(text, "en", models))
    assert claim.quote_type == "direct" and "The sanctions stay" in claim.text and claim.speaker == "Linda Thomas-Greenfield"
    text = "« Nous ne laisserons pas l'Ukraine seule, a déclaré le ministre Jean-Noël Barrot. Ni aujourd'hui, ni demain. »"
    claim = one(claims_of(text, "fr", models))
    assert claim.speaker == "Jean-Noël Barrot" and claim.cue == "a déclaré"


def test_question_before_the_cue_and_cues_inside_quotes(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Foreign Minister Annalena Baerbock met her counterparts in Berlin. "
        "\"Who will pay for the reconstruction if we said nothing?\" she asked."
    )
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue, claim.quote_type) == ("Annalena Baerbock", "asked", "direct")


def test_countries_capitals_organisations_and_documents_speak(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    cases = [
        ("en", "Washington demanded the immediate release of the detained aid workers.", "country", "USA"),
        ("fr", "L'Irlande a qualifié la décision d'inacceptable et de dangereuse.", "country", "IRL"),
        ("en", "The European Union called for an immediate ceasefire in eastern Congo.", "organisation", None),
        ("en", "The resolution calls for an immediate and lasting ceasefire in Sudan.", "document", None),
        ("fr", "Le projet de résolution appelle à un cessez-le-feu immédiat dans l'est de la RDC.", "document", None),
        ("en", "Analysts said the sanctions were unlikely to change Tehran's course.", "group", None),
        ("fr", "Les participants ont appelé à renforcer la coopération maritime dans la région.", "group", None),
    ]
    for lang, text, kind, country in cases:
        claim = one(claims_of(text, lang, models))
        assert (claim.speaker_kind, claim.speaker_country) == (kind, country), text
    assert one(claims_of(cases[3][1], "en", models)).speaker == "the resolution"
    assert one(claims_of(cases[4][1], "fr", models)).speaker == "le projet de résolution"


def test_pour_framing_needs_an_actor(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of("Pour la France, cette décision est inacceptable et doit être annulée.", "fr", models))
    assert (claim.speaker_kind, claim.speaker_country, claim.cue) == ("country", "FRA", "Pour")
    assert claims_of("Pour la première fois, le Conseil de sécurité a tenu une réunion sur le climat.", "fr", models) == []


def test_un_delegate_forms(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of("The representative of Brazil said the Council must act before the rainy season.", "en", models))
    assert (claim.speaker, claim.speaker_country, claim.speaker_entity_id) == ("representative of Brazil", "BRA", None)
    claim = one(claims_of("Le représentant du Vietnam a souligné que la coopération régionale restait essentielle.", "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("représentant du Vietnam", "VNM")
    claim = one(claims_of("Joonkook Hwang (Republic of Korea) said the Council must respond to every launch.", "en", models))
    assert (claim.speaker, claim.speaker_country) == ("Joonkook Hwang", "KOR")
    claim = one(claims_of("Ukraine's UN ambassador told the Council that Russia must withdraw its troops.", "en", models))
    assert (claim.speaker_country, claim.text) == ("UKR", "Russia must withdraw its troops")
    text = (
        "Sergiy Kyslytsya (Ukraine) condemned the veto. "
        "The representative of Ukraine said the occupation of the plant exposed all of Europe to a disaster."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Sergiy Kyslytsya", "Sergiy Kyslytsya"]


def test_honorifics_surnames_and_english_gender(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre des Affaires étrangères Jean-Noël Barrot s'est rendu à Kiev. "
        "M. Barrot a affirmé que la France soutiendrait l'Ukraine aussi longtemps que nécessaire."
    )
    claim = one(claims_of(text, "fr", models))
    assert claim.speaker == "Jean-Noël Barrot"
    text = (
        "Chinese Foreign Minister Wang Yi met Secretary of State Rebecca Holloway in Beijing. "
        "Wang said the two countries should manage their differences. "
        "She said Washington would keep working with its allies."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Wang Yi", "Rebecca Holloway"]


def test_a_cue_line_broken_off_its_quotation(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Foreign Minister Penny Wong spoke after the meeting.\n\"The sanctions will stay until the troops leave,\"\nshe said."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.quote_type) == ("Penny Wong", "direct")


def test_selon_lui_light_verbs_and_framing_participles(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le rapporteur spécial Tomasz Wierzbicki a présenté son rapport au Conseil. "
        "Selon lui, plus de 1,4 million de filles sont aujourd'hui privées d'enseignement secondaire."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Tomasz Wierzbicki", "Selon")
    text = "La ministre Clarisse Ilunga a fait part de sa vive préoccupation face à la reprise des combats autour de Sake."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.stance) == ("Clarisse Ilunga", "concern")
    text = (
        "Présentant le dernier rapport du Secrétaire général, la sous-secrétaire générale Aminata Sow-Delmas a indiqué "
        "que plus de 250 000 personnes avaient été déplacées en trois semaines."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Aminata Sow-Delmas", "a indiqué")


def test_delegate_pronouns_and_appositions(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the subject the parser hung on the apposition's participle is the cue's
    text = "Amara Kallon (Sierra Leone), also speaking for Algeria and Guyana, said a military solution was not possible."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_country) == ("Amara Kallon", "SLE")
    # "she" goes to the delegate of unknown gender who spoke last, not to an earlier woman
    text = (
        "Helena Ortiz briefed the Council on the convoy. The representative of the United Kingdom said her delegation "
        "was appalled by the attack. She called on the militia to lift the siege of the city immediately."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["representative of the United Kingdom"] * 2
    # the name closing a title's apposition speaks, past what the parse takes in
    text = "« Nos compatriotes sont innocents », a déclaré le ministre de l'Europe et des Affaires étrangères, Hugo Delaunay, sur une radio."
    assert one(claims_of(text, "fr", models)).speaker == "Hugo Delaunay"


def test_a_group_is_one_speaker_whatever_its_determiner_and_case(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    with_det = one(claims_of("Les participants ont appelé à renforcer la coopération maritime dans la région.", "fr", models))
    bare = one(claims_of("Participants ont appelé à renforcer la coopération maritime dans la région.", "fr", models))
    english = one(claims_of("The analysts said the sanctions had failed to change the government's course.", "en", models))
    assert (with_det.speaker, bare.speaker, with_det.speaker_kind) == ("participants", "participants", "group")
    assert english.speaker == "analysts"


def test_an_evaluated_object_and_the_participle_that_explains_it_are_one_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Foreign Minister Penny Wong dismissed the ambassador's account, saying the vessels had blocked the boat for an hour."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue, claim.stance) == ("Penny Wong", "dismissed", "oppose")
    assert claim.text.endswith("the vessels had blocked the boat for an hour")
    text = "Le ministre des Affaires étrangères Bui Thanh Son a regretté la décision, estimant que les sanctions ne feraient que des perdants."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Bui Thanh Son", "a regretté")
    assert claim.text.endswith("les sanctions ne feraient que des perdants")
    # an object that states a judgement of its own stays a claim of its own
    text = "Le ministre des Affaires étrangères Bui Thanh Son a dénoncé des condamnations arbitraires, estimant que les deux hommes étaient retenus comme otages."
    assert len(claims_of(text, "fr", models)) == 2


def test_an_envoy_for_a_country_is_not_its_delegate(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The United Nations envoy for Sudan urged the warring parties to open humanitarian corridors before the rains."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker_kind, claim.speaker_country) == ("person", None)
    text = "L'envoyé spécial pour le Soudan a exhorté les belligérants à ouvrir des couloirs humanitaires."
    assert one(claims_of(text, "fr", models)).speaker_country is None
    # "the speaker for X" speaks for X
    text = "The speaker for Bangladesh warned that 20 million people in the coastal belt could be displaced by 2050."
    assert one(claims_of(text, "en", models)).speaker_country == "BGD"
    text = "Le représentant du Mali a rejeté toute ingérence extérieure dans la conduite des opérations."
    assert one(claims_of(text, "fr", models)).speaker_country == "MLI"


def test_an_object_with_a_negated_infinitive_is_no_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Mme Farida Noorzai, qui représente toujours à Genève le gouvernement renversé en août 2021, "
        "a exhorté le Conseil à ne pas « normaliser » les talibans."
    )
    assert one(claims_of(text, "fr", models)).speaker == "Farida Noorzai"
    text = "Ambassador Farida Noorzai, who still represents the ousted government in Geneva, urged the Council to not “normalise” the Taliban."
    assert one(claims_of(text, "en", models)).speaker == "Farida Noorzai"


def test_an_inverted_clitic_is_no_passive_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre vénézuélien des Affaires étrangères, Ramón Escalante, a rejeté ces critiques.\n\n"
        "« Le Venezuela est un État souverain qui n'a de leçons à recevoir de personne ! », a-t-il lancé à la télévision d'État, "
        "affirmant que les personnes arrêtées avaient participé à des « actes de violence planifiés depuis l'étranger »."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found[1:]] == [("Ramón Escalante", "a-t-il lancé"), ("Ramón Escalante", "affirmant")]
    text = (
        "Foreign Minister Ramón Escalante rejected the criticism.\n\n"
        '"Venezuela is a sovereign state that takes lessons from no one!" he said on state television, '
        "adding that the people arrested had taken part in planned acts of violence."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found[1:]] == [("Ramón Escalante", "said"), ("Ramón Escalante", "adding")]


def test_a_call_for_a_text_or_a_meeting(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La ministre brésilienne des Affaires étrangères, Helena Sampaio, a appelé à la publication des procès-verbaux « bureau par bureau »."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue, claim.text) == ("Helena Sampaio", "a appelé", "à la publication des procès-verbaux « bureau par bureau »")
    text = "Brazil's Foreign Minister Helena Sampaio called for the publication of the tally sheets from every polling station."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue) == ("Helena Sampaio", "called for")


def test_a_call_after_the_object_is_a_claim_of_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Haut-Commissaire des Nations unies aux droits de l'homme, Matthias Kessler, a dénoncé une « vague d'arrestations arbitraires » "
        "au Venezuela, appelant les autorités à libérer « immédiatement » les personnes détenues."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Matthias Kessler", "a dénoncé"), ("Matthias Kessler", "appelant")]
    assert found[1].text.startswith("les autorités à libérer")
    text = (
        "The UN High Commissioner for Human Rights, Matthias Kessler, denounced a wave of arbitrary arrests in Venezuela, "
        "urging the authorities to release the detained protesters immediately."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue, c.stance) for c in found] == [("Matthias Kessler", "denounced", "oppose"), ("Matthias Kessler", "urging", "call")]


def test_the_article_before_an_epicene_title_tells_the_gender(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« L'Union européenne a choisi la voie du protectionnisme », a déclaré la porte-parole du ministère chinois, Sun Lihua.\n\n"
        "Elle a appelé Bruxelles à « revenir à la table des négociations » sur un mécanisme d'engagements de prix."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Sun Lihua", "a déclaré"), ("Sun Lihua", "a appelé")]
    text = (
        '"The European Union has chosen protectionism," said the Chinese ministry\'s spokeswoman, Sun Lihua.\n\n'
        "She urged Brussels to return to the negotiating table on a price-undertaking mechanism."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "en", models)] == [("Sun Lihua", "said"), ("Sun Lihua", "urged")]


def test_a_quotation_goes_on_after_the_incise(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le commissaire européen au Commerce, Pieter van Dalen, s'est adressé mardi au Parlement européen. « Nous ne fermons pas "
        "notre marché, a-t-il affirmé. Nous refusons simplement que nos industriels soient victimes de subventions déloyales. »"
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Pieter van Dalen", "a-t-il affirmé")
    assert claim.text == "« Nous ne fermons pas notre marché … Nous refusons simplement que nos industriels soient victimes de subventions déloyales. »"
    text = (
        "Trade Commissioner Pieter van Dalen addressed the European Parliament on Tuesday. \"We are not closing our market,\" he said. "
        '"We simply refuse to let our manufacturers fall victim to unfair subsidies."'
    )
    claim = one(claims_of(text, "en", models))
    assert claim.speaker == "Pieter van Dalen" and claim.text.endswith('fall victim to unfair subsidies."')


def test_an_official_of_a_us_state_serves_the_united_states(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Taiwan is still waiting for its missiles. \"Then show us the missiles,\" said Senator Maria Alvarez of New Mexico. "
        "Senator Greg Hollis of Idaho slammed the handling of the issue, saying the Pentagon had \"lost control of its own supply chain\"."
    )
    found = claims_of(text, "en", models)
    assert {(c.speaker, c.speaker_country) for c in found} == {("Maria Alvarez", "USA"), ("Greg Hollis", "USA")}
    text = (
        "Taïwan attend toujours ses missiles. Le sénateur Greg Hollis, élu du Nouveau-Mexique, a dénoncé la gestion du dossier "
        "par le Pentagone, qui a selon lui « perdu le contrôle de sa propre chaîne d'approvisionnement »."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Greg Hollis", "USA")


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "US envoy Rachel Dunmore said Washington was ready to host new talks.\n\n"
        "UN envoy Ingrid Halvorsen declined to set a deadline for the negotiations. "
        '"What is the point of a deadline that nobody in this building can enforce?" she asked.'
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Rachel Dunmore", "Ingrid Halvorsen"]
    text = (
        "L'envoyée américaine Rachel Dunmore a déclaré que Washington était prête à accueillir de nouveaux pourparlers.\n\n"
        "L'envoyée de l'ONU Ingrid Halvorsen a quitté la salle sans fixer d'échéance aux négociations. "
        "« À quoi sert une échéance que personne ne peut faire respecter ? », a-t-elle demandé."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Rachel Dunmore", "Ingrid Halvorsen"]
    # a person named later in the sentence before (an object) does not take the pronoun
    text = (
        "Ingrid Halvorsen said the talks would resume on Monday. She later met Rachel Dunmore in Jeddah. "
        '"We are not there yet," she said.'
    )
    assert [c.speaker for c in claims_of(text, "en", models)][-1] == "Ingrid Halvorsen"


def test_a_sentence_about_someone_else_does_not_continue_a_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The head of the army delegation, Lieutenant General Osman Abdelrahim, accused the RSF of using the talks to buy time. "
        "The ceasefire would have to be monitored by the African Union. Ingrid Halvorsen did not take questions from journalists."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Osman Abdelrahim", "Osman Abdelrahim"]
    assert not any("questions" in c.text for c in found)
    text = (
        "Le chef de la délégation de l'armée, le général Osman Abdelrahim, a accusé les FSR d'utiliser les pourparlers pour gagner du temps. "
        "Le cessez-le-feu devrait être surveillé par l'Union africaine. Ingrid Halvorsen n'a pas répondu aux questions des journalistes."
    )
    found = claims_of(text, "fr", models)
    assert found and not any("questions" in c.text for c in found)


def test_a_territorial_claim_is_no_statement(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    assert claims_of("China claims almost all of the South China Sea and does not recognise the 2016 ruling.", "en", models) == []
    assert claims_of("La Chine revendique la quasi-totalité de la mer de Chine méridionale et ne reconnaît pas la décision de 2016.", "fr", models) == []
    claim = one(claims_of("China claims that the Philippine vessel entered its waters illegally.", "en", models))
    assert claim.cue == "claims"


def test_an_inverted_actor_described_by_a_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Je suis profondément choquée par cette attaque contre des civils », a déclaré dans un communiqué la coordonnatrice "
        "humanitaire des Nations unies au Mali, Aïssatou Ba, appelant toutes les parties à respecter le droit international humanitaire."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Aïssatou Ba", "a déclaré"), ("Aïssatou Ba", "appelant")]
    text = (
        '"I am deeply shocked by this attack on civilians," said the UN humanitarian coordinator in Mali, Aissatou Ba, '
        "calling on all parties to respect international humanitarian law."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "en", models)] == [("Aissatou Ba", "said"), ("Aissatou Ba", "calling on")]


def test_a_perfect_tense_is_no_passive(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the parser may label the subject of "ont exigé" a passive subject; "avoir" makes it active
    claim = one(claims_of("Les manifestants ont également exigé la libération des quelque 300 personnes interpellées depuis une semaine.", "fr", models))
    assert (claim.speaker, claim.cue) == ("manifestants", "ont également exigé")


def test_a_scene_setting_phrase_before_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Taking the floor at the end of the meeting, the Minister for Foreign Affairs of the Democratic Republic of the Congo, "
        'Thérèse Mbuyi-Lokonda, accused Rwanda of "waging a war of aggression by proxy" and asked the Council to impose targeted sanctions.'
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [("Thérèse Mbuyi-Lokonda", "COD", "accused"), ("Thérèse Mbuyi-Lokonda", "COD", "asked")]
    text = (
        "La présidente sortante, Tamar Gelashvili, qui a rompu avec le parti au pouvoir, a appelé les forces de l'ordre à la retenue, "
        "estimant que le pays traversait une crise grave."
    )
    # (an object of some length is a position of its own: the participle's clause is another)
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Tamar Gelashvili", "a appelé"), ("Tamar Gelashvili", "estimant")]
    assert found[0].text.startswith("les forces de l'ordre à la retenue")


def test_a_participle_made_subject_by_the_parser(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "For his part, Amadou Seck (Senegal), speaking also on behalf of Algeria, Sierra Leone and Somalia, condemned the attacks "
        "against camps for displaced persons around Goma."
    )
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_country, claim.cue) == ("Amadou Seck", "SEN", "condemned")
    assert claim.text.startswith("the attacks against camps")


def test_speaking_on_behalf_of_a_group(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Speaking on behalf of the Group of African States, the representative of Nigeria said the resolution must be matched by "
        "resources, and urged donors to fund the security arrangements that local organizations need."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [("representative of Nigeria", "NGA", "said"), ("representative of Nigeria", "NGA", "urged")]


def test_a_participle_after_a_verb_that_reports_nothing(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the participle's subject is the verb's ("gathered", "rassemblés"), and a crowd counted speaks as the people in it
    text = "Hundreds of protesters gathered outside the government building in Yerevan on Friday, accusing the government of betraying the Armenians of Karabakh."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_kind, claim.cue) == ("protesters", "group", "accusing")
    text = "Des milliers de manifestants se sont rassemblés dimanche soir devant le Parlement, réclamant la reprise des négociations d'adhésion."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_kind, claim.cue) == ("manifestants", "group", "réclamant")
    # a participle hung on what another cue reports keeps that cue's speaker
    text = (
        'Andrei Kuzmin (Russian Federation) said Western delegations were "politicizing humanitarian assistance", insisting that aid '
        "deliveries must respect the sovereignty of Sudan."
    )
    assert [c.speaker for c in claims_of(text, "en", models)] == ["Andrei Kuzmin", "Andrei Kuzmin"]


def test_where_it_was_said_is_no_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of('"A window of opportunity like this does not stay open for ever," EU spokesman Pierre Delorme said in Brussels.', "en", models))
    assert (claim.speaker, claim.quote_type) == ("Pierre Delorme", "direct")
    assert claim.text.startswith('"A window of opportunity')
    text = "Étienne Marchal a dénoncé une mesure injuste. « La France ne se laissera pas intimider », a-t-il affirmé devant l'Assemblée nationale."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Étienne Marchal", "a dénoncé"), ("Étienne Marchal", "a-t-il affirmé")]
    assert found[1].text == "« La France ne se laissera pas intimider »"


def test_a_name_with_a_title_in_apposition(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the title inside "adviser to the president" names someone else; the proper noun with the title is the speaker
    text = '"What is missing is the political will in Yerevan," Elchin Mammadli, foreign policy adviser to the Azerbaijani president, told reporters in Baku.'
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue) == ("Elchin Mammadli", "told")
    assert claim.text.startswith('"What is missing')


def test_an_unnamed_observer(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = 'The observer for the International Committee of the Red Cross said respect for international humanitarian law was "an obligation".'
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_kind) == ("observer for the International Committee of the Red Cross", "person")


def test_a_framing_with_a_name_in_apposition(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Selon le porte-parole de la diplomatie russe, Dmitri Orlov, les manifestations sont orchestrées par des ONG financées par l'Occident."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Dmitri Orlov", "Selon")
    assert claim.text.startswith("les manifestations sont orchestrées")


def test_a_framing_group_named_with_a_place(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the people of that kind speak, not the country of the capital named after them
    claim = one(claims_of("Selon des diplomates présents à Abuja, plusieurs pays ont plaidé pour des sanctions immédiates.", "fr", models))
    assert (claim.speaker_kind, claim.speaker_country) == ("group", None) and claim.speaker.startswith("diplomates")
    claim = one(claims_of("According to diplomats in Geneva, the talks will resume next week.", "en", models))
    assert (claim.speaker_kind, claim.speaker_country) == ("group", None) and claim.speaker.startswith("diplomats")


def test_a_delegate_named_with_the_country_in_brackets(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "Name (Country)" in UN summaries: the delegate speaks, for that country
    text = "Speaking for the Group of 77 and China, Lucia Ferraro (Uruguay) said developing countries could not afford an arms race in space."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_kind, claim.speaker_country) == ("Lucia Ferraro", "person", "URY")
    text = "Au nom de l'Union européenne, M. Pieter Claes (Pays-Bas) a condamné les violences sexuelles utilisées comme arme de guerre."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue, claim.speaker_country) == ("Pieter Claes", "a condamné", "NLD")


def test_a_closing_cue_wins_over_the_framing(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "Pour X, …, a estimé son représentant": X's delegate speaks, with the cue that closes the sentence
    text = "Pour la Chine, le Conseil doit s'attaquer aux causes profondes du conflit, a estimé son représentant."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue, claim.speaker_country) == ("représentant de la Chine", "a estimé", "CHN")
    assert claim.text == "le Conseil doit s'attaquer aux causes profondes du conflit"
    text = "Pour le Brésil, l'impunité est inacceptable, a fait valoir sa représentante, qui a appelé à renforcer la coopération judiciaire."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("représentante du Brésil", "a fait valoir"), ("représentante du Brésil", "a appelé")]
    text = "For India, the priority remained a legally binding instrument covering all weapons, its representative said."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue, claim.speaker_country) == ("representative of India", "said", "IND")
    # "Pour Paris, …, a-t-elle ajouté": the minister who spoke, not the country
    text = (
        "La ministre française Hélène Marchetti a exprimé sa préoccupation face à cette escalade. "
        "Pour Paris, seule une délimitation négociée de la frontière permettra une paix durable, a-t-elle ajouté."
    )
    found = claims_of(text, "fr", models)
    assert (found[-1].speaker, found[-1].cue) == ("Hélène Marchetti", "a-t-elle ajouté")
    # a framing alone still frames
    claim = one(claims_of("Pour la France, les responsables de ces crimes devront répondre de leurs actes.", "fr", models))
    assert (claim.speaker, claim.cue) == ("France", "Pour")


def test_an_official_serves_the_country_named_where_they_appear(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the article names Belarus most, but the minister announcing Poland's decision is Polish
    text = (
        "Poland will close its last border crossing with Belarus, Interior Minister Marek Zielinski said on Wednesday.\n"
        "Belarus denied any involvement. Belarus said Minsk had nothing to do with the incident, and Belarus summoned a diplomat."
    )
    found = claims_of(text, "en", models)
    assert (found[0].speaker, found[0].speaker_country) == ("Marek Zielinski", "POL")


def test_an_unnamed_person_with_an_article_and_a_place(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "An" is a determiner, and the place where the diplomat is is not part of who they are
    found = claims_of("An Arab diplomat in Addis Ababa said the dispute was unlikely to escalate militarily.", "en", models)
    assert (one(found).speaker, one(found).speaker_kind) == ("Arab diplomat", "person")


def test_a_definite_text_points_back_to_the_document_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "Le texte exige": the resolution adopted in the paragraph before, not "le texte"
    text = (
        "L'Assemblée générale a adopté aujourd'hui, par 141 voix pour, une résolution sur la sûreté du personnel de maintien de la paix.\n"
        "Le texte exige de toutes les parties qu'elles cessent immédiatement les attaques contre les Casques bleus."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_kind, claim.cue) == ("résolution", "document", "exige")
    # "The document also welcomes": the joint statement that spoke before; "It does not name any
    # country" describes the text and continues nothing
    text = (
        "The joint statement urged NATO to deploy more naval assets to the region. It does not name any country.\n"
        "The document also welcomes NATO's decision to deploy additional naval drones to the region."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("the joint statement", "urged"), ("the joint statement", "welcomes")]
    # "Elle n'exclut pas": the pronoun after a document's claim is the document
    text = "La déclaration prévoit la création d'un fonds de 300 millions d'euros. Elle n'exclut pas de nouvelles sanctions européennes."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("la déclaration", "document")] * 2


def test_a_closing_inverted_cue_takes_the_whole_sentence(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the content's own verb ("maintiendra") is no cue of the country: the Prime Minister says it all
    text = (
        "Le Niger maintiendra fermée sa frontière avec le Bénin tant que Cotonou n'aura pas démantelé les bases, "
        "a déclaré dimanche le Premier ministre nigérien, Moussa Abdou Tanko."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue, claim.attribution) == ("Moussa Abdou Tanko", "a déclaré", "inverted")
    assert claim.text.startswith("Le Niger maintiendra")


def test_the_lede_official_is_the_person_named_next(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Ethiopia will not accept any binding agreement that limits its right to develop the Blue Nile, a senior Ethiopian official said on Tuesday.\n"
        '"We came here to negotiate in good faith," Deputy Foreign Minister Tesfaye Alemu told reporters after the meeting.'
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Tesfaye Alemu", "ETH")] * 2
    # a definite description is somebody else's business: it is not re-attributed
    text = (
        "The ceasefire must hold, the Ethiopian official said on Tuesday.\n"
        '"We came here to negotiate in good faith," Deputy Foreign Minister Tesfaye Alemu told reporters after the meeting.'
    )
    assert claims_of(text, "en", models)[0].speaker != "Tesfaye Alemu"


def test_assembly_and_mission_presidents_serve_no_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The Assembly met to discuss the veto by the Russian Federation.\n"
        "Opening the debate, the President of the General Assembly, Halvard Moe, said the veto initiative made the permanent members accountable."
    )
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_country) == ("Halvard Moe", None)
    text = (
        "Le Conseil a tenu un dialogue avec la Mission d'établissement des faits pour le Soudan, dont le président, M. Olufemi Adeyemi, a présenté un rapport.\n"
        "M. Adeyemi a affirmé que les deux parties au conflit avaient commis des crimes de guerre."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Olufemi Adeyemi", None)


def test_incises_the_parser_stumbles_on(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "a quant à lui plaidé": the emphatic "quant à lui" hides nothing of the claim
    text = "Le chef de la diplomatie polonaise, Piotr Zaremba, a quant à lui plaidé pour une accélération des négociations d'adhésion."
    claim = one(claims_of(text, "fr", models))
    assert claim.speaker == "Piotr Zaremba" and claim.text.startswith("pour une accélération")
    # "par la voix de sa ministre …, Hélène Marchetti": the named voice speaks
    text = (
        "La France, par la voix de sa ministre déléguée chargée de l'Europe, Hélène Marchetti, a exprimé sa « vive préoccupation » "
        "face à cette nouvelle escalade à la frontière."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Hélène Marchetti", "FRA")
    assert claim.text.startswith("face à cette nouvelle escalade")
    # with no person named, the body speaks
    text = "Les petits États insulaires en développement, par la voix des Fidji, ont demandé qu'un siège non permanent leur soit réservé."
    assert one(claims_of(text, "fr", models)).speaker_kind == "group"


def test_a_spokeswoman_of_a_named_person(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the possessor is not the speaker, and "'s" is not part of his name
    text = "Prime Minister Tomasz Wrona's spokeswoman, Agata Mielczarek, said the government would ask the European Commission for funds."
    claim = one(claims_of(text, "en", models))
    assert claim.speaker == "Agata Mielczarek"
    # an unnamed voice leaves the body speaking; a named one serves the country it voices
    text = "L'Union africaine (UA), par la voix du président de sa Commission, a indiqué soutenir « pleinement » les décisions prises par les dirigeants ouest-africains."
    assert one(claims_of(text, "fr", models)).speaker == "African Union"
    text = "La France, par la voix de sa représentante, Mme Claire Jaubert, a condamné « avec la plus grande fermeté » les attaques des gangs contre les hôpitaux."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Claire Jaubert", "FRA")


def test_a_body_of_a_country_named_with_a_possessive(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Belarus' State Border Committee said Minsk had nothing to do with the incident."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_kind, claim.speaker_country) == ("State Border Committee", "organisation", "BLR")


def test_what_was_not_said_is_no_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Speaking in Cairo, Karim Mansour said water was a matter of life and death. He did not say what measures Egypt might take."
    claim = one(claims_of(text, "en", models))
    assert claim.text == "water was a matter of life and death"


def test_she_after_a_woman_whose_name_tells_no_gender(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Latvian Foreign Minister Ilze Kalnina said the region would not be intimidated. "
        '"Our seabed is not a lawless zone," she told a press conference. "Whoever cuts our cables will pay the price."'
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ilze Kalnina", "said"), ("Ilze Kalnina", "told")]


def test_an_anonymous_source_after_selon(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Selon une source diplomatique française, les trois pays envisagent aussi l'envoi d'observateurs pour les élections locales."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_kind, claim.speaker_country, claim.cue) == ("source diplomatique française", "person", "FRA", "Selon")
    # the relative clause after the source is not part of who it is
    claim = one(claims_of("Selon un élu local qui a requis l'anonymat, le bilan pourrait dépasser soixante morts.", "fr", models))
    assert claim.speaker == "élu local"


def test_a_relative_clause_after_a_named_person(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "held a dialogue" says nothing; "…, Alejandra Voss, who told the Council that …": she speaks
    text = (
        "The Human Rights Council held an interactive dialogue with the Special Rapporteur on Myanmar, Alejandra Voss, "
        "who told the Council that arbitrary arrests had increased sharply since January."
    )
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.cue) == ("Alejandra Voss", "told")
    assert claim.text.startswith("arbitrary arrests")


def test_an_incise_inside_the_sentence(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "M. Julien Mertens (Belgique) a salué l'adoption d'un texte qui envoie « un message clair » aux groupes armés. "
        "L'Union, a-t-il poursuivi, reste le premier contributeur financier aux opérations de paix."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Julien Mertens", "a salué"), ("Julien Mertens", "a-t-il poursuivi")]
    assert found[1].text == "L'Union … reste le premier contributeur financier aux opérations de paix"


def test_an_inverted_actor_followed_by_a_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Il n'y a aucune base étrangère au Bénin », a déclaré son porte-parole, Wilfried Houngbo, appelant Niamey à « revenir à la raison »."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Wilfried Houngbo", "a déclaré"), ("Wilfried Houngbo", "appelant")]


def test_a_name_in_apposition_to_its_title_speaks(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the name after a scene-setting participle, its title in apposition after it: the name speaks;
    # a mandate ("for Mali") is no country, and the delegate of that country is someone else
    text = (
        "Introducing the report, Petra Lindholm, Special Representative of the Secretary-General for Mali, said the "
        "ceasefire was holding in most regions. The representative of Mali said his Government would hold elections next year."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Petra Lindholm", None), ("representative of Mali", "MLI")]
    # French: the title first, then an acronym in brackets, then the honorific and the name
    text = (
        "La Représentante spéciale du Secrétaire général et Cheffe de la Mission des Nations Unies au Soudan du Sud (MINUSS), "
        "Mme Greta Sandvik, a averti le Conseil que les violences risquaient de compromettre les élections."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Greta Sandvik", None)
    # a rank of the person's own between the title and the name
    text = "Le porte-parole de la marine, le capitaine de vaisseau Paul Ndiaye, a indiqué que deux navires avaient été arraisonnés."
    claim = one(claims_of(text, "fr", models))
    assert claim.speaker == "Paul Ndiaye"


def test_a_possessive_title_belongs_to_the_body_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Indonesia urged both navies to avoid any further incident. Its foreign minister, Dewi Kartika, said Jakarta "
        "was ready to host talks between the two countries."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Indonesia", "IDN"), ("Dewi Kartika", "IDN")]
    text = "Norway backs a longer mandate for the mission, its representative said, and will table a draft next week."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_country) == ("representative of Norway", "NOR")
    text = "La Commission de l'Union africaine a dénoncé les violences, et son président a plaidé pour un cessez-le-feu immédiat."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found][-1] == ("président de la Commission de l'Union africaine", None)


def test_a_description_designates_a_person_of_its_role(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "the Peruvian prime minister" is not the Peruvian army spokesman named before
    text = (
        "Peruvian army spokesman Colonel Javier Quispe said the troops had been attacked first. "
        "The Peruvian prime minister said Lima would not accept any mediation."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Javier Quispe", "PER"), ("Peruvian prime minister", "PER")]
    # an international official's nationality is not whom they serve
    text = (
        "Le Haut-Représentant, M. Anders Holm, a jugé que la situation était préoccupante. "
        "« Les institutions doivent être respectées », a déclaré le diplomate suédois."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Anders Holm", None), ("Anders Holm", None)]


def test_officials_of_no_stated_country_and_a_country_stated_once(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # a government's title with no country: the article's; a country stated once holds for later claims
    text = (
        "DAKAR, 4 mai (Agence Ouest) - Le Sénégal a fermé sa frontière avec le Mali.\n"
        "« Nous ne laisserons personne menacer nos populations », a déclaré le ministre de l'Intérieur."
    )
    found = claims_of(text, "fr", models)
    assert (found[-1].speaker, found[-1].speaker_country) == ("ministre de l'Intérieur", "SEN")
    text = (
        "Chile's delegate, Ana Morales, stressed that the trafficking networks crossed every border. "
        '"No country can fight them alone," Morales said.'
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Ana Morales", "CHL"), ("Ana Morales", "CHL")]


def test_the_office_of_an_official_and_a_clause_coordinated_inside_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "the president's office" speaks, not the president; "and guaranteed" belongs to what was said
    text = "The Mongolian president's office said the agreement settled the dispute and guaranteed grazing rights for herders."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.speaker_kind, claim.speaker_country) == ("Mongolian president's office", "organisation", "MNG")
    assert claim.text.endswith("guaranteed grazing rights for herders")


def test_a_sentence_the_cue_interrupts_and_a_closing_incise(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Mary Okello warned against delays. The region had paid enough, she said, and it was time for donors to keep their promises."
    found = claims_of(text, "en", models)
    assert found[-1].speaker == "Mary Okello" and found[-1].text.endswith("it was time for donors to keep their promises")
    text = (
        "M. Karl Weber a présenté son rapport. Ces décisions constituent, a-t-il affirmé, une violation grave des accords. "
        "Le gouvernement soutient la mission, a-t-il néanmoins assuré."
    )
    found = claims_of(text, "fr", models)[-2:]
    assert [(c.speaker, c.cue) for c in found] == [("Karl Weber", "a-t-il affirmé"), ("Karl Weber", "a-t-il néanmoins assuré")]
    assert found[0].text.endswith("une violation grave des accords") and found[1].text.startswith("Le gouvernement soutient")


def test_relative_clauses_around_the_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # a relative clause on the object is part of what is rejected; the coordinated cue keeps the speaker
    text = "Le représentant du Chili a rejeté ce texte, qu'il a qualifié de « déséquilibré », et dénoncé des négociations opaques."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("représentant du Chili", "a rejeté"), ("représentant du Chili", "dénoncé")]
    assert found[0].text == "ce texte, qu'il a qualifié de « déséquilibré »"
    # a relative clause between the subject and the cue
    text = "La déléguée de l'Islande, dont le pays accueille de nombreux réfugiés, a jugé « inquiétante » la hausse des arrivées."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("déléguée de l'Islande", "ISL")


def test_coordinated_actors_speak_together(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of("Peru and Ecuador blamed each other for the shooting near the river crossing.", "en", models))
    assert (claim.speaker, claim.speaker_kind, claim.speaker_country) == ("Peru and Ecuador", "group", None)
    # one body whose name holds "et" is no coordination
    claim = one(claims_of("Le ministère de l'Europe et des Affaires étrangères a salué l'engagement des deux pays en faveur de la paix.", "fr", models))
    assert claim.speaker_kind != "group"


def test_pronominal_cues_and_a_quotation_the_parser_takes_for_a_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of("Le Sénégal s'est aussitôt félicité de cette décision historique.", "fr", models))
    assert (claim.speaker_kind, claim.speaker_country) == ("country", "SEN")
    text = "« C'est une victoire pour tout le peuple », a réagi le porte-parole du gouvernement malien, Issa Traoré, à la télévision."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Issa Traoré", "MLI")


def test_demonstratives_and_definite_titles_point_back(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Mouvement pour la justice a critiqué le scrutin, a regretté sa porte-parole, Fatou Diallo. "
        "Celle-ci a réclamé un nouveau décompte des voix dans la capitale."
    )
    found = claims_of(text, "fr", models)
    assert found[-1].speaker == "Fatou Diallo" and found[-1].text.startswith("un nouveau décompte")
    text = (
        "« Nous ne reculerons pas », a déclaré le ministre de la Défense. "
        "Selon le ministre, les fraudeurs opéraient depuis l'étranger."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["ministre de la Défense", "ministre de la Défense"]


def test_a_group_framed_with_its_complement_and_who_a_call_names(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Pour les syndicats enseignants de la région de Kasaï, seule une hausse des salaires mettra fin à la grève. "
        "Dans une lettre, ils ont exhorté le gouvernement à rouvrir les négociations."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.cue) for c in found] == [("group", "Pour"), ("group", "ont exhorté")]
    # "called on X to": who is to act is part of the call; a finite verb the parser hung on a noun is a cue
    text = "Norway, which chairs the donor group, called on the two parties to respect the truce."
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.text) == ("Norway", "the two parties to respect the truce")


def test_inverted_cues_the_tagger_misreads(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # a present-tense cue the tagger takes for its noun homograph, a past participle after the actor
    text = "« La mission n'a pas les moyens d'agir », juge Nadia Karam, chercheuse à l'université de Tunis."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.cue) == ("Nadia Karam", "juge")
    text = "« Nous n'avons rien à cacher », a affirmé le porte-parole du ministère ghanéen des Affaires étrangères, Kofi Mensah, interrogé par la radio."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_country) == ("Kofi Mensah", "GHA")
    # a denial with a short object, an object the parser hung on a time word
    claim = one(claims_of("Le Togo a démenti toute implication.", "fr", models))
    assert (claim.speaker_country, claim.stance) == ("TGO", "oppose")
    claim = one(claims_of("La Suède a accusé vendredi la marine russe d'avoir endommagé un câble sous-marin.", "fr", models))
    assert claim.text.startswith("la marine russe d'avoir endommagé")


def test_a_relative_clause_on_the_inverted_actor_and_it_for_a_body(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Assez de promesses ! », a lancé le délégué du Chili, qui a appelé le Conseil à sanctionner les responsables."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("délégué du Chili", "a lancé"), ("délégué du Chili", "a appelé")]
    text = (
        "Ghana's Ministry of National Defence disputed the figures. "
        "It said the soldiers had been fired on first."
    )
    claim = claims_of(text, "en", models)[-1]
    assert claim.text == "the soldiers had been fired on first"
    assert (claim.speaker_kind, claim.speaker_country) == ("organisation", "GHA")


def test_a_passive_with_an_agent_says_a_thing_not_a_person(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "L'urgence d'une aide humanitaire a été soulignée par plusieurs orateurs au cours du débat."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker_kind, claim.cue) == ("group", "a été soulignée")
    # a person "proclaimed winner by" a commission: an act, not a statement
    assert claims_of("Le président sortant a été proclamé vainqueur par la commission électorale.", "fr", models) == []


def test_an_infinitive_on_the_addressee_and_a_framed_delegate(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Par ce texte, le Conseil se félicite de la trêve et demande à toutes les factions de respecter leurs engagements."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["se félicite", "demande"] and found[1].text.endswith("de respecter leurs engagements")
    claim = one(claims_of("Pour le représentant chinois, les sanctions ne feront qu'aggraver la crise humanitaire.", "fr", models))
    assert (claim.speaker, claim.speaker_country, claim.cue) == ("représentant chinois", "CHN", "Pour")


def test_a_quotation_then_where_it_was_said(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = '"Who will rebuild our homes now?" Maria Lopez said outside the courthouse, where a crowd had gathered since dawn.'
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.quote_type) == ("Maria Lopez", "direct")
    text = '"The border must reopen," said Tomas Berg, who heads the regional chamber of commerce.'
    claim = one(claims_of(text, "en", models))
    assert (claim.speaker, claim.text) == ("Tomas Berg", '"The border must reopen,"')


def test_including_after_a_group_and_a_report_that_is_examined(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Several delegations, including Brazil and Kenya, praised the new truce, but said it had to hold."
    found = claims_of(text, "en", models)
    assert [(c.speaker_kind, c.cue) for c in found] == [("group", "praised"), ("group", "said")]
    # "as members considered the report": the report is examined, not said
    assert claims_of("The Council met this morning, as members considered the annual report of the Secretary-General on the mission.", "en", models) == []


def test_a_verb_coordinated_with_a_quoted_one_and_the_member_states_as_a_group(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Les Vingt-Sept ont « pris note » du scrutin et indiqué qu'ils réexamineraient leur aide au cas par cas."
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.speaker_kind, claim.cue) == ("Vingt-Sept", "group", "indiqué")


def test_group_and_document_names_as_written(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    found = claims_of("Civil society groups criticised the agreement as weak on human rights. The communique describes the deal as historic.", "en", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("Civil society groups", "group"), ("the communique", "document")]


def test_a_person_speaking_of_her_country_is_the_speaker(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Norway's delegate said the situation was deteriorating. "
        "Her country was ready to fund more patrol boats, she added, as long as the law was respected."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("Norway's delegate", "person", "NOR")] * 2
    text = (
        "Le représentant de la Norvège a estimé que la situation était préoccupante. "
        "Son pays appelle toutes les parties à la retenue."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("représentant de la Norvège", "NOR")] * 2


def test_a_gerund_shares_the_subject_of_a_cue_that_reports_nothing(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le représentant de la Norvège a expliqué le vote de sa délégation en affirmant que le texte restait déséquilibré. "
        "Il a ajouté que son pays soutenait le dialogue."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [
        ("représentant de la Norvège", "NOR", "affirmant"), ("représentant de la Norvège", "NOR", "a ajouté")
    ]


def test_the_infinitive_of_a_causative_is_the_cue_of_its_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre norvégien Jonas Berg a salué l'accord de paix signé hier à Oslo. "
        "Le Hamas a aussitôt fait savoir qu'il considérait cette décision comme nulle et non avenue."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found][1:] == [("Hamas", "a aussitôt fait savoir")]  # the causative is part of the cue as written
    assert found[1].text.startswith("il considérait cette décision")


def test_a_nationality_noun_before_the_name_closes_an_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # "…, a déclaré <title>, l'<Nationality> <Name>, à l'issue …": the name is the subject's
    # apposition (the parser hangs it on the verb as an object), and the quotation is what was said
    text = (
        "« La transition doit aboutir par les urnes et non par les armes », a déclaré le président de la Commission "
        "de l'Union africaine, le Norvégien Jonas Berg, à l'issue des travaux."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.attribution) == ("Jonas Berg", "inverted")
    assert claim.text.startswith("« La transition doit aboutir")


def test_a_title_the_parser_splits_after_an_inverted_cue_is_no_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Ces décisions sont nulles et non avenues, et je n'hésiterai pas à utiliser tous les pouvoirs dont je dispose », "
        "a averti le Haut représentant, l'Allemand Jonas Berg, lors d'une conférence de presse à Vienne."
    )
    claim = one(claims_of(text, "fr", models))
    assert (claim.speaker, claim.attribution) == ("Jonas Berg", "inverted")
    assert claim.text.startswith("« Ces décisions sont nulles")


def test_a_passive_agent_group_is_named_without_its_preposition(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    claim = one(claims_of("Le projet de loi a été vivement critiqué par les syndicats, qui redoutent des licenciements.", "fr", models))
    assert (claim.speaker, claim.speaker_kind) == ("syndicats", "group")


def test_a_delegate_backing_a_call_and_a_dash_closing_the_group_he_speaks_for(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "S'exprimant au nom du Groupe des États d'Afrique, le représentant du Ghana a souscrit à l'appel en faveur d'un cessez-le-feu. "
        "Il a averti que la crise menaçait toute la région."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.speaker_country, c.stance) for c in found][:1] == [("représentant du Ghana", "GHA", "support")]
    assert found[0].text.startswith("à l'appel en faveur d'un cessez-le-feu")
    assert found[-1].speaker == "représentant du Ghana" and found[-1].cue == "a averti"
    en = (
        "Speaking on behalf of the E3 – France, Germany and the United Kingdom – the representative of Germany "
        "said Iran's programme had no civilian justification."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [("representative of Germany", "DEU", "said")]


def test_a_pronoun_in_a_relative_clause_is_the_subject_of_its_sentence(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Mme Ana Duarte (Portugal) a souligné que la transition devait rester inclusive. "
        "M. Pavel Orlov (Fédération de Russie) a vivement rejeté ce qu'il a qualifié d'« accusations » visant son pays. "
        "Selon lui, ces critiques visent à affaiblir le processus."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Ana Duarte", "PRT"), ("Pavel Orlov", "RUS"), ("Pavel Orlov", "RUS")]


def test_a_definite_description_designates_the_delegate_just_named(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La ministre des Affaires étrangères du Tchad, Mme Aminata Bako, a assuré que son gouvernement tiendrait ses engagements. "
        "« La paix reste fragile », a déclaré pour sa part le représentant de la Belgique, M. Luc Verhaegen. "
        "Le diplomate a estimé nécessaire que les responsables des violences soient jugés."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found][-2:] == [("Luc Verhaegen", "BEL"), ("Luc Verhaegen", "BEL")]


def test_the_official_is_the_unnamed_official_introduced_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "A senior Kenyan security official, who asked not to be named, said patrols had been doubled along the border. "
        "\"They are testing our defences,\" the official said."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("senior Kenyan security official", "KEN")] * 2


def test_a_de_facto_authority_gives_its_spokesman_a_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The Taliban administration's spokesman, Karim Nazari, denied the reports. \"We threaten no neighbour,\" he said."
    found = claims_of(text, "en", models)
    assert {(c.speaker, c.speaker_country) for c in found} == {("Karim Nazari", "AFG")}


def test_an_unnamed_source_and_whom_it_spoke_to(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = "Les Vingt-Sept restent divisés sur les sanctions, a indiqué à Radio Horizon un diplomate européen sous couvert d'anonymat."
    assert [(c.speaker, c.cue) for c in claims_of(fr, "fr", models)] == [("diplomate européen", "a indiqué")]
    named = "La trêve tient, a déclaré à la radio nationale Ahmed Sow, porte-parole du gouvernement."
    assert [(c.speaker, c.text) for c in claims_of(named, "fr", models)] == [("Ahmed Sow", "La trêve tient")]
    en = "The talks had stalled, said a Western diplomat speaking on condition of anonymity."
    assert [c.speaker for c in claims_of(en, "en", models)] == ["Western diplomat"]


def test_a_present_tense_cue_the_tagger_took_for_a_noun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Le pouvoir a intérêt à dramatiser la crise », analyse le politologue Marko Ilić, de l'université de Zagreb."
    assert [(c.speaker, c.cue, c.attribution) for c in claims_of(text, "fr", models)] == [("Marko Ilić", "analyse", "inverted")]


def test_a_body_after_an_opening_place_and_the_country_of_a_state_body(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "In Wellington, the Department of Conservation and Trade said New Zealand would join the new patrols next month."
    assert [c.speaker for c in claims_of(en, "en", models)] == ["Department of Conservation and Trade"]
    stated = "In a separate statement, the Chilean Department of Foreign Affairs (DFA) said it had summoned the ambassador."
    assert [(c.speaker_kind, c.speaker_country) for c in claims_of(stated, "en", models)] == [("organisation", "CHL")]
    fr = "DAKAR, 3 mars (AFP) - Le ministère des Affaires étrangères et des Sénégalais de l'extérieur a déclaré que le Sénégal participerait aux patrouilles."
    assert [(c.speaker_kind, c.speaker_country) for c in claims_of(fr, "fr", models)] == [("organisation", "SEN")]


def test_she_after_a_named_minister_of_unknown_gender_who_opened_the_sentence_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Foreign Minister Jane Morrow said the talks were useful. She stressed that the ceasefire had to hold.\n\n"
        "Estonia's defence minister, Kadri Vaher, called the incident \"deliberate\". Flights had been diverted twice, she said."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Jane Morrow", "Jane Morrow", "Kadri Vaher", "Kadri Vaher"]


def test_the_spokesperson_is_the_unnamed_one_just_introduced_not_a_named_one_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "\"This was a lawful inspection,\" Foreign Ministry spokesman Karim Haddad told reporters in Amman. "
        "In Washington, a State Department spokesperson described the detention as \"unacceptable\". "
        "\"We will keep working with our partners,\" the spokesperson said."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found][1:] == [("State Department spokesperson", "USA")] * 2


def test_said_in_a_statement_carried_by_the_media_that(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Iran's Revolutionary Guards said in a statement published by state television that the crew were being questioned."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country, c.text) for c in found] == [
        ("Islamic Revolutionary Guard Corps", "IRN", "the crew were being questioned")
    ]


def test_a_company_named_in_apposition_then_the_company(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The ship's Norwegian operator, Nordvik Shipping, said the vessel had been sailing lawfully. "
        "\"We reject these claims,\" the company said in a statement."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("Nordvik Shipping", "organisation", "NOR")] * 2
    centre = "The MARSEC maritime information centre said it had logged two incidents and advised ships to stay clear."
    assert {(c.speaker, c.speaker_kind) for c in claims_of(centre, "en", models)} == {("MARSEC maritime information centre", "organisation")}


def test_a_movement_by_its_name_and_the_ministry_that_spoke_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = "Dans un message, le mouvement des Forces Libres a revendiqué l'embuscade et affirmé avoir détruit « plusieurs » blindés."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(fr, "fr", models)][-1:] == [("Forces Libres", "organisation")]
    back = (
        "Le ministère malien des Affaires étrangères condamne, dans un communiqué, « toute ingérence extérieure ». "
        "Le ministère rappelle que toute négociation passe par le gouvernement central."
    )
    assert [(c.speaker, c.speaker_country) for c in claims_of(back, "fr", models)] == [("ministère malien des Affaires étrangères", "MLI")] * 2


def test_a_cue_the_writer_quoted_with_its_subject_outside(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = "Dans ce communiqué, le Conseil « condamne fermement » les attaques contre les casernes et salue le courage des secouristes."
    assert [(c.speaker, c.cue) for c in claims_of(fr, "fr", models)][:1] == [("Conseil", "condamne")]
    en = "The Council \"strongly condemns\" the attacks on the barracks."
    assert [(c.speaker, c.stance) for c in claims_of(en, "en", models)] == [("Council", "oppose")]
    reported = 'The envoy wrote on X that Seoul "stands firmly with" its allies.'
    assert [c.cue for c in claims_of(reported, "en", models)] == ["wrote"]


def test_le_before_an_epicene_title_tells_a_man(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "L'ambassadrice Marie Dupont a affirmé que le dialogue restait indispensable. "
        "Le ministre Kim Lee a rappelé que la coopération progresse. Elle a appelé les pays à partager davantage d'informations."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["Marie Dupont", "Kim Lee", "Marie Dupont"]


def test_the_ministers_are_the_group_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Foreign ministers of the Andean Community on Sunday called for an end to the blockade of the border crossings. "
        "In their final communiqué, the ministers said the closures were illegal."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Foreign ministers"] * 2


def test_the_leader_who_just_spoke(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le président de la région, Milan Petrov, a répondu que le référendum aurait lieu comme prévu. "
        "« Nous ne céderons à aucune pression venue de l'extérieur », a lancé le dirigeant nationaliste devant ses partisans."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["Milan Petrov"] * 2


def test_the_direct_object_of_announce_is_what_was_said(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Mardi matin, Lisbonne a annoncé la fermeture provisoire de son ambassade à Caracas."
    assert [(c.speaker, c.text) for c in claims_of(text, "fr", models)] == [("Portugal", "la fermeture provisoire de son ambassade à Caracas")]


def test_an_object_the_parser_left_unattached_after_the_adverbials(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Maroc a rejeté vendredi avec fermeté les critiques de l'Algérie sur la frontière."
    assert [(c.speaker, c.text) for c in claims_of(text, "fr", models)] == [("Morocco", "les critiques de l'Algérie sur la frontière")]


def test_the_inverted_clitic_of_a_perfect_however_the_parser_hung_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La ministre uruguayenne des Affaires étrangères, Lucía Ferrer, a rejeté les critiques. "
        "« L'Uruguay n'a jamais cédé et ne cédera jamais au chantage d'un voisin », a-t-elle martelé."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue, c.attribution) for c in found][-1] == ("Lucía Ferrer", "a-t-elle martelé", "inverted")


def test_a_title_closed_by_an_adjective_of_no_country_names_the_apposed_person(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre malien des Affaires étrangères, Moussa Traoré, a rejeté les accusations de la junte voisine. "
        "La cheffe de la diplomatie européenne, Kaarin Vesk, a salué un accord qui ouvre la voie à la paix. "
        "Il a pour sa part exigé le retrait immédiat des troupes étrangères."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["Moussa Traoré", "Kaarin Vesk", "Moussa Traoré"]


def test_for_a_described_person_the_description_and_apposition_are_no_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    described = "Pour la politologue Ana Ruiz, de l'Institut Cervantès, le gouvernement a perdu la main."
    assert [(c.speaker, c.text) for c in claims_of(described, "fr", models)] == [("Ana Ruiz", "le gouvernement a perdu la main")]
    apposed = "Pour Tomas Berg, chercheur à l'Institut nordique de Bergen, la coalition ne survivra pas à l'hiver."
    assert [(c.speaker, c.text) for c in claims_of(apposed, "fr", models)] == [("Tomas Berg", "la coalition ne survivra pas à l'hiver")]


def test_where_an_unnamed_source_is_posted_is_not_who_they_are(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Selon un diplomate asiatique en poste à Nairobi, les pourparlers ont échoué."
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["diplomate asiatique"]


def test_a_present_tense_cue_after_an_incise_the_tagger_took_for_a_noun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Un responsable sud-américain, s’exprimant sous couvert d’anonymat, juge toutefois « très improbable » un accord rapide."
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("responsable sud-américain", "juge")]


def test_a_relative_on_an_object_ending_in_an_adjective_is_part_of_what_is_rejected(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le représentant du Chili a rejeté les critiques formulées contre les forces navales chiliennes, qu'il a qualifiées de « pure invention »."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a rejeté"] and found[0].text.endswith("« pure invention »")


def test_a_present_participle_closing_a_sentence_has_no_subject_after_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le délégué de la Turquie a rejeté lui aussi le rapport de la commission d'enquête, jugeant ses conclusions « partiales et infondées »."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("délégué de la Turquie", "a rejeté"), ("délégué de la Turquie", "jugeant")]
    assert found[0].text.startswith("le rapport de la commission d'enquête")


def test_a_title_and_name_the_parser_hung_on_the_adverbial_before_them(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La veille, à la radio publique malienne, le ministre de la Défense, le colonel Amadou Keïta, "
        "avait affirmé détenir des « preuves solides » de la présence de mercenaires dans le sud du pays."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Amadou Keïta", "avait affirmé")]


def test_a_participle_shares_the_subject_of_the_verb_it_hangs_on_after_an_opening_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre philippin des Affaires étrangères, Ramon Cruz, était à Manille. "
        "Interrogé sur les reproches chinois, le chef de la diplomatie philippine les a écartés, "
        "estimant que son pays « défendra ses eaux territoriales » quoi qu'il arrive."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Ramon Cruz", "estimant")]


def test_a_participle_coordinated_with_one_qualifying_a_noun_is_no_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Japon et la Corée du Sud ont conclu lundi un accord sur la pêche, une initiative saluée par les Européens mais vivement dénoncée par Pékin."
    found = claims_of(text, "fr", models)
    assert all("dénoncée" not in c.cue for c in found) and found[-1].text.endswith("vivement dénoncée par Pékin")


def test_a_named_official_after_an_opening_participle_and_before_an_acronym(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Présentant le dernier rapport sur la situation, M. Carlos Mendes Ribeiro, Représentant spécial et Chef du Bureau "
        "des Nations Unies pour l'Afrique centrale (UNOCA), a indiqué que plus de 900 civils avaient été tués depuis janvier."
    )
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Carlos Mendes Ribeiro", "a indiqué")]


def test_the_statement_that_said_it_after_its_author_spoke_in_it_is_the_author(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = (
        "In a statement, the Kenyan Ministry of Defence said the border crossing would stay shut for at least a week. "
        "Troops had been deployed to the area, the statement said."
    )
    assert [(c.speaker, c.speaker_kind) for c in claims_of(en, "en", models)] == [("Kenyan Ministry of Defence", "organisation")] * 2
    fr = (
        "Dans un communiqué, le ministère malien de la Défense a affirmé que la frontière resterait fermée. "
        "Des renforts ont été envoyés dans la région, précise le communiqué."
    )
    assert [c.speaker_kind for c in claims_of(fr, "fr", models)] == ["organisation"] * 2


def test_a_joint_text_that_is_the_subject_of_its_own_sentence_speaks_for_itself(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "In a joint statement, the foreign ministers said they were ready to meet again. "
        "The statement calls on both sides to respect the truce along the border."
    )
    assert [c.speaker_kind for c in claims_of(text, "en", models)][-1] == "document"


def test_the_text_of_one_body_speaks_for_that_body(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = (
        "Chile's Ministry of Foreign Affairs on Monday protested the boarding of a Chilean trawler by a foreign coastguard.\n\n"
        "\"The crew was fishing lawfully in international waters,\" the statement said.\n\n"
        "According to the ministry, the trawler was escorted to a northern port overnight.\n\n"
        "The statement urges the immediate return of the vessel. It also recalls that a bilateral commission handles such disputes."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Chile's Ministry of Foreign Affairs", "CHL")] * 5
    fr = (
        "Dans son communiqué, le ministère péruvien des Affaires étrangères se dit préoccupé par la saisie du chalutier. "
        "Le communiqué appelle à la libération de l'équipage. Le texte évoque en outre des mesures de réciprocité."
    )
    assert [c.speaker_kind for c in claims_of(fr, "fr", models)] == ["organisation"] * 3


def test_the_office_of_an_official_speaks_as_a_body(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = ["The Office of the President said the talks would resume next week.", "The President's Office said the talks would resume next week."]
    assert [(c.speaker, c.speaker_kind) for text in en for c in claims_of(text, "en", models)] == [
        ("Office of the President", "organisation"), ("President's Office", "organisation")
    ]
    fr = "Les services du président ivoirien ont affirmé que le scrutin aurait lieu à la date prévue."
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in claims_of(fr, "fr", models)] == [
        ("services du président ivoirien", "organisation", "CIV")
    ]


def test_an_incise_between_commas_takes_the_words_on_both_sides(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "Maria Lund spoke first. The armed groups, she said, bore full responsibility for the blockade of the port."
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Maria Lund", "said")]
    assert found[0].text.startswith("The armed groups") and "bore full responsibility" in found[0].text
    fr = "Les nouvelles sanctions, a estimé Paul Martin, doivent rester en vigueur jusqu'à la fin de l'année."
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Paul Martin", "a estimé")]
    assert found[0].text.startswith("Les nouvelles sanctions") and found[0].text.endswith("jusqu'à la fin de l'année")


def test_an_object_before_a_comma_after_the_cue_is_no_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le ministre belge du Commerce, Luc Janssens, a regretté la mesure, estimant qu'une guerre tarifaire ne ferait que des perdants."
    assert {c.speaker for c in claims_of(text, "fr", models)} == {"Luc Janssens"}


def test_a_subject_the_parser_joined_to_an_opening_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Motivant le vote négatif de son pays, la représentante du Brésil a affirmé que le texte restait déséquilibré."
    assert [(c.speaker_country, c.cue) for c in claims_of(text, "fr", models)] == [("BRA", "a affirmé")]


def test_a_framing_for_a_country_before_a_clause_with_its_own_speaker_and_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "For Canada, Ambassador Claire Dubois announced new funding for the mission and said Ottawa stood ready to help."
    assert [(c.speaker, c.cue) for c in claims_of(text, "en", models)] == [("Claire Dubois", "announced"), ("Claire Dubois", "said")]


def test_what_a_speaker_cites_is_not_the_speaker(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Kamala Idris said the corridor was vital for trade, citing the new railway linking Dakar to Bamako."
    assert [(c.speaker, c.cue) for c in claims_of(text, "en", models)] == [("Kamala Idris", "said")]


def test_a_subject_the_parser_joined_to_an_opening_phrase_with_a_split_name(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour la dixième année consécutive, l'Assemblée générale des Nations Unies a demandé mardi la fin du blocus imposé à l'île."
    assert [(c.speaker_kind, c.cue) for c in claims_of(text, "fr", models)] == [("organisation", "a demandé")]


def test_the_coalition_is_the_coalition_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The Global Coalition Against Cluster Munitions criticised the decision. "
        "The coalition said the weapons would kill civilians for decades."
    )
    assert {c.speaker for c in claims_of(text, "en", models)} == {"Global Coalition Against Cluster Munitions"}


def test_a_cue_in_a_relative_clause_on_the_agent_speaks_for_the_agent(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "The proposal was opposed by the representative of Brazil, who argued that new sanctions would push both sides further apart."
    assert [(c.speaker, c.speaker_country, c.cue) for c in claims_of(en, "en", models)] == [("representative of Brazil", "BRA", "argued")]
    fr = "Cette approche a été rejetée par le représentant de la Chine, qui a estimé que de nouvelles sanctions ne feraient qu'aggraver la crise."
    assert [(c.speaker, c.speaker_country) for c in claims_of(fr, "fr", models)] == [("représentant de la Chine", "CHN")]


def test_an_elided_complementiser_glued_to_a_guillemet(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "L'économiste Karim Benali, de l'université de Tunis, juge qu’« aucun des deux pays n’a intérêt à une escalade »."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Karim Benali", "juge")] and found[0].text.startswith("« aucun des deux pays")


def test_an_inverted_name_the_model_missed_with_a_role_after_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« La trêve ne tiendra pas sans garanties », estime Dragana Ćosić, politologue à l’université de Novi Sad."
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Dragana Ćosić", "estime")]


def test_a_subject_before_its_cue_is_never_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le médiateur nommé par l'UA, l'ancien Premier ministre ghanéen Kofi Mensah, a annoncé une réunion des deux parties la semaine prochaine."
    assert all("Kofi Mensah" not in c.text for c in claims_of(text, "fr", models))


def test_an_inverted_subject_after_any_adverbial_once_a_quotation_closed(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Nous ne reculerons pas », a écrit sur X (anciennement Twitter) le porte-parole du Kremlin."
    assert [(c.speaker_country, c.cue, c.attribution) for c in claims_of(text, "fr", models)] == [("RUS", "a écrit", "inverted")]


def test_a_quotation_in_two_pieces_around_a_cue_before_a_coordinator(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = 'Rosa Delgado spoke first. "Our strength is the law," she said, "and the court will have the final say."'
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Rosa Delgado"]
    assert found[0].text.startswith('"Our strength is the law,"') and "the court will have the final say" in found[0].text


def test_the_reporters_told_are_no_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = '"We have won a pause, not a settlement," Kenya\'s state minister for regional affairs, Peter Otieno, told reporters after the talks.'
    assert [(c.speaker, c.speaker_country) for c in claims_of(text, "en", models)] == [("Peter Otieno", "KEN")]


def test_a_bracketed_delegate_before_a_comma(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Akosua Mensimah (Ghana), speaking on behalf of the African Group, said donors must honour their pledges on adaptation."
    assert [(c.speaker, c.speaker_country) for c in claims_of(text, "en", models)] == [("Akosua Mensimah", "GHA")]


def test_a_participle_after_a_closing_cue_is_that_speakers(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "Pedro Alves spoke. A regional process remained \"the only way forward\", he said, stressing that any sanctions must be agreed with the region."
    assert [(c.speaker, c.cue) for c in claims_of(en, "en", models)] == [("Pedro Alves", "said"), ("Pedro Alves", "stressing")]
    fr = "Le processus doit rester régional, a déclaré le ministre malien, soulignant que toute sanction devait être décidée avec la région."
    assert [(c.speaker_country, c.cue) for c in claims_of(fr, "fr", models)] == [("MLI", "a déclaré"), ("MLI", "soulignant")]


def test_the_organisation_is_the_one_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The International Committee of the Red Cross expressed regret. The organisation called on all states to respect the ban on landmines."
    assert [c.speaker for c in claims_of(text, "en", models)] == ["International Committee of the Red Cross"]


def test_a_body_named_in_apposition_that_no_lexicon_knows(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The rebels' armed wing, the Northern Liberation Front, said it would observe the ceasefire."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(text, "en", models)] == [("Northern Liberation Front", "organisation")]


def test_a_french_present_tense_the_tagger_took_for_a_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La Communauté économique des États de l'Afrique centrale (CEEAC) salue pour sa part « la sérénité de la campagne électorale »."
    assert [(c.speaker_kind, c.cue) for c in claims_of(text, "fr", models)] == [("organisation", "salue")]


def test_a_name_past_the_cue_is_not_the_name_of_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Italy's delegate said the mission must be adequately funded, while Nepal's delegate, Sita Rana, stressed that troop safety came first."
    assert [(c.speaker, c.speaker_country) for c in claims_of(text, "en", models)] == [("Italy's delegate", "ITA"), ("Sita Rana", "NPL")]


def test_a_country_name_the_parser_split_at_its_and(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The representative of Trinidad and Tobago said the draft was balanced and deserved support."
    assert [c.speaker_country for c in claims_of(text, "en", models)] == ["TTO"]


def test_a_definite_text_after_a_closing_cue_is_its_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Le Japon réaffirme son attachement à la liberté de navigation », indique le communiqué du ministère japonais."
    assert [(c.speaker_kind, c.attribution) for c in claims_of(text, "fr", models)] == [("document", "inverted")]


def test_she_after_a_quotation_closed_by_a_name_of_unknown_gender_in_the_paragraph(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Foreign Minister Maria Lindqvist said the incident was dangerous.\n\n"
        "\"The fleet is testing the rules,\" said Kerttu Aalto, a researcher at a Helsinki institute. "
        "She said the treaty's vague wording made such incidents likely."
    )
    assert [c.speaker for c in claims_of(text, "en", models)] == ["Maria Lindqvist", "Kerttu Aalto", "Kerttu Aalto"]


def test_a_relative_clause_after_an_inverted_subject_is_not_the_cues_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Les sanctions unilatérales « n'ont jamais changé la situation sur le terrain », a estimé le délégué du Venezuela, pour qui le dialogue doit primer."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_country, c.attribution) for c in found][:1] == [("VEN", "inverted")] and found[0].text.startswith("Les sanctions unilatérales")


def test_a_bare_perfect_infinitive_after_the_addressee_is_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La mission d'observation de l'ONU a indiqué à l'Agence France-Presse n'avoir constaté « aucun mouvement de troupes » dans la zone."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a indiqué"] and found[0].text.startswith("n'avoir constaté")


def test_a_cue_verb_the_tagger_took_for_a_noun_right_after_its_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le politologue juge néanmoins « très improbable » une reprise des combats au printemps."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("politologue", "juge")]


def test_a_part_of_the_body_named_before_speaks_through_a_possessive(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The African Union welcomed the peaceful vote on Sunday. Its observer mission noted long queues at rural polling stations. It recommended a review of the voter roll."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.cue) for c in found] == [
        ("African Union", "organisation", "welcomed"),
        ("observer mission of the African Union", "organisation", "noted"),
        ("observer mission of the African Union", "organisation", "recommended"),
    ]
    text = "L'Union africaine s'est félicitée du scrutin de dimanche. Sa mission d'observation signale de longues files d'attente dans les bureaux ruraux."
    assert [c.speaker for c in claims_of(text, "fr", models)][1:] == ["mission d'observation de l'Union africaine"]


def test_an_object_the_parser_hung_on_an_adverbial_between_commas(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "L'envoyé de l'ONU relève cependant, dans son rapport annuel, des violations répétées du cessez-le-feu dans le nord du pays."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["relève"] and found[0].text.startswith("des violations répétées")


def test_the_text_and_its_pronoun_after_a_body_spoke_in_a_communique(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministère nigérien de l'Intérieur a dénoncé, dans un communiqué publié lundi, l'enlèvement de trois enseignants.\n\n"
        "« Le Niger ne laissera pas ces crimes impunis », souligne le texte.\n\n"
        "Le ministère demande aux pays voisins de renforcer les contrôles. Il rappelle qu'un accord de coopération policière lie Niamey à ses voisins."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.speaker_country) for c in found] == [("organisation", "NER")] * 4


def test_a_description_naming_another_body_is_not_the_person_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre des Affaires étrangères, Moussa Traoré, a assuré que Niamey privilégiait le dialogue.\n\n"
        "Dans un message séparé, le président de la Commission de l'Union africaine a invité Niamey et Abuja à la modération."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)][-1] == "président de la Commission de l'Union africaine"


def test_a_count_of_delegations_and_the_others_speak_as_groups(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "A number of Asian delegations said they supported the draft, while a few others regretted that it ignored reparations."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(text, "en", models)] == [("Asian delegations", "group"), ("few others", "group")]
    text = "La plupart des délégations ont salué l'accord conclu à Doha, tandis que d'autres ont regretté l'absence de calendrier."
    assert [c.speaker_kind for c in claims_of(text, "fr", models)] == ["group", "group"]


def test_a_framing_between_commas_in_a_sentence_no_cue_heads(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The delegate of Tuvalu said his islands had never been consulted. The draft, in his view, remained \"far too timid\" on financing."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("delegate of Tuvalu", "in his view") and found[-1].text.startswith("The draft")
    text = "La représentante du Tchad a dit craindre de nouveaux combats. Le cessez-le-feu, selon elle, reste « extrêmement fragile » dans l'est du pays."
    assert [c.cue for c in claims_of(text, "fr", models)][-1] == "selon"


def test_an_opening_participle_the_parser_took_for_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Presenting the report on behalf of the Group of Friends of Mediation, Tomasi Vunidilo (Fiji) said that dialogue remained the only viable path."
    assert [(c.speaker, c.speaker_country) for c in claims_of(text, "en", models)] == [("Tomasi Vunidilo", "FJI")]


def test_a_side_note_between_the_auxiliary_and_the_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La représentante du Honduras, Gabriela Mejía, a pour sa part suggéré l'ouverture d'un bureau régional chargé de surveiller les frontières."
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Gabriela Mejía", "suggéré")]
    text = "Le gouvernement bolivien a de son côté applaudi dans une déclaration un accord « historique » avec ses voisins."
    found = claims_of(text, "fr", models)
    assert [c.speaker_country for c in found] == ["BOL"] and found[0].text.startswith("un accord")


def test_a_closing_cue_with_its_subject_after_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Ankara now wants the protocol revised to guarantee free passage for ships bound for the port at Mersin, one member of the Turkish team said, "
        "speaking on condition of anonymity since he had no authority to brief reporters. \"We only ask for what was agreed,\" the official said."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("one member of the Turkish team", "person", "TUR")] * 2
    assert found[0].text.startswith("Ankara now wants")


def test_one_unnamed_person_of_a_groups_kind(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Un membre de la délégation tchadienne a affirmé que les discussions étaient suspendues."
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in claims_of(text, "fr", models)] == [("membre de la délégation tchadienne", "person", "TCD")]


def test_whose_office_speaks_for_the_body_not_the_city_it_sits_in(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The plan was also criticised by the African Union, whose commission in Addis Ababa urged both sides to return to the talks."
    assert [(c.speaker, c.speaker_country) for c in claims_of(text, "en", models)][-1:] == [("commission of the African Union", None)]


def test_a_quotation_that_closes_a_sentence_ends_it() -> None:
    def split(text: str) -> list[str]:
        return [text[a:b] for a, b in claims.sentences(text, 0, len(text))]

    assert split('She said the vessels were "fishing without a licence." The crews, she said, were released.') == [
        'She said the vessels were "fishing without a licence."', "The crews, she said, were released.",
    ]
    assert split("« Le Togo ne cédera pas. » Le texte ajoute que la frontière reste ouverte.") == ["« Le Togo ne cédera pas. »", "Le texte ajoute que la frontière reste ouverte."]
    # a quotation that asks or exclaims goes on with its cue
    assert len(split('"Why now?" Okafor asked the committee.')) == 1


def test_an_incise_after_a_quotation_that_closed_the_sentence_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = 'Coastguard spokesman Tomas Leclerc said the boats had been "fishing inside the exclusion zone." The crews, he said, would be released on Friday.'
    assert [c.speaker for c in claims_of(text, "en", models)] == ["Tomas Leclerc", "Tomas Leclerc"]


def test_a_description_of_another_role_is_not_the_person_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Navy spokesman Diego Arancibia said the boats had been seized at dawn.\n\n"
        "A scheme to let foreign trawlers in was turned down by Chile's fisheries minister, who argues it would reward poaching."
    )
    assert [c.speaker for c in claims_of(text, "en", models)][-1] == "Chile's fisheries minister"


def test_an_incise_whose_interrupted_clause_holds_a_cue_of_its_own(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "The delegate of Peru said the talks had stalled. Her Government, she added, remained committed to a ceasefire and to the mission."
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("delegate of Peru", "added") and found[-1].text.startswith("Her Government")
    fr = "Le représentant du Maroc a déclaré que Rabat demeurait ouvert au dialogue. Cette affaire, a-t-il insisté, relève exclusivement du Conseil de sécurité."
    found = claims_of(fr, "fr", models)
    assert [c.cue for c in found][-1] == "a-t-il insisté" and found[-1].text.endswith("relève exclusivement du Conseil de sécurité")


def test_an_inverted_incise_inside_the_clause_it_reports(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # the parser hangs the incise's verb on the verb after it, or the other way round
    text = "L'Argentine, a souligné son ambassadeur, M. Tomás Ferreyra, appuie sans réserve l'extension du mandat de la force."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Tomás Ferreyra", "a souligné")]
    assert found[0].text.startswith("L'Argentine") and found[0].text.endswith("l'extension du mandat de la force")
    text = "Ce compromis, a jugé la représentante de la Norvège, ouvre enfin la voie à un cessez-le-feu durable."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("représentante de la Norvège", "a jugé")] and found[0].text.startswith("Ce compromis")
    text = "Brazil, its envoy insisted, opposes any extension of the sanctions regime."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("envoy of Brazil", "insisted")] and found[0].text.startswith("Brazil")
    text = "The draft, the representative of Chile argued, ignores the concerns of the coastal States."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("representative of Chile", "argued")] and found[0].text.endswith("of the coastal States")


def test_a_cue_the_tagger_took_for_a_noun_before_a_short_adjunct_and_que(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le chef de la diplomatie tchadienne, Mahamat Oumar, juge de son côté que le retrait des troupes serait prématuré."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Mahamat Oumar", "juge")] and found[0].text.startswith("le retrait des troupes")


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "cues"),
    [
        (
            "fr",
            "Réunis à Libreville, les ministres ont examiné la situation au large des côtes.\n\nÀ l'issue de ses travaux, le Comité :\n\n"
            "- déplore la multiplication des actes de piraterie dans la région ;\n\n"
            "- invite les États riverains à mutualiser leurs moyens de surveillance ;\n\n"
            "Le texte sera transmis aux chefs d'État.",
            "Comité", ["déplore", "invite"],
        ),
        (
            "en",
            "The ministers met in Apia on Friday.\n\nThe Ministers:\n\n"
            "1. Condemned the repeated incursions by foreign fishing fleets;\n\n"
            "2. Urged partners to fund the regional patrol programme.\n\n"
            "The communique will be published next week.",
            "Ministers", ["Condemned", "Urged"],
        ),
    ],
)
def test_the_items_of_a_list_are_what_its_announcer_says(models: tuple[ner.NerModels, claims.ClaimModels], lang: str, text: str, speaker: str, cues: list[str]) -> None:
    found = claims_of(text, lang, models)
    assert [c.cue for c in found] == cues and {c.speaker.lower() for c in found} == {speaker.lower()}


def test_a_call_with_a_short_noun_object_and_a_gerund_that_frames(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La ministre a réclamé une enquête internationale sur les tirs, en attendant la publication d'un rapport officiel."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a réclamé"] and found[0].text.startswith("une enquête internationale")


def test_an_emphatic_pronoun_after_the_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La Norvège s'est opposée elle aussi à une quelconque mission armée dans le détroit."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Norway", "s'est opposée")] and found[0].text.startswith("à une quelconque mission")


def test_a_coordinated_cue_the_parser_hung_on_a_participle_of_the_object(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "M. Osei Mensah (Ghana) a cité la feuille de route signée en 2022 par les pays côtiers et ajouté que les patrouilles conjointes devaient reprendre."
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Osei Mensah", "Osei Mensah"] and found[-1].text.startswith("les patrouilles conjointes")


def test_a_title_and_name_hung_on_an_opening_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Ouvrant la réunion, la Directrice régionale du Programme alimentaire mondial, Mme Linnea Bergqvist, a plaidé pour le renforcement, dès cette année, des missions de médiation."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Linnea Bergqvist", "a plaidé")]


def test_a_framing_by_a_possessive_title_and_the_name_after_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Japon a voté contre le texte. Selon son représentant, M. Hiroshi Tanabe, le projet ignore les réalités du terrain."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found][-1] == ("Hiroshi Tanabe", "JPN") and found[-1].text.startswith("le projet ignore")


def test_a_voice_named_between_the_cue_and_its_object(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Gabon a rejeté, par la voix de son ministre de la Défense, M. Brice Ondo Mba, les accusations portées contre son armée."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Brice Ondo Mba", "GAB")] and found[0].text.startswith("les accusations")


def test_a_gerund_the_tagger_took_for_a_noun_is_a_statement_of_its_own(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Mme Ama Owusu (Ghana) a félicité la mission pour son bilan, tout en avertissant que ses financements resteraient insuffisants."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a félicité", "avertissant"] and found[-1].text.startswith("ses financements")


def test_a_relative_clause_on_the_actor_of_a_closing_cue_the_parser_made_its_object(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Nos garde-côtes sont intervenus dans l'heure », a affirmé le ministre, qui a exhorté les pays voisins à « coopérer davantage » en mer."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a affirmé", "a exhorté"] and found[0].speaker == found[1].speaker


def test_for_a_title_then_the_name_the_named_person_speaks(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour la représentante de l'Irlande, Mme Siobhan Keane, la réforme « ne peut plus attendre »."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Siobhan Keane", "IRL")]


def test_a_subject_after_a_participle_phrase_whose_comma_the_parser_hung_on_it() -> None:
    # the parse as the English model gives it for such a sentence: the comma closes the participle's subtree
    words = ["Speaking", "as", "host", ",", "the", "envoy", "of", "Fiji", "welcomed", "the", "deal", "."]
    heads = [8, 2, 0, 0, 5, 8, 5, 6, 8, 10, 8, 8]
    deps = ["advcl", "prep", "pobj", "punct", "det", "nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"]
    pos = ["VERB", "ADP", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert attribution._opens_clause(doc, doc[5], set())


def test_a_member_of_a_bracketed_list_is_not_the_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Speaking on behalf of the A3+ (Gabon, Ghana, Mozambique and Guyana), the representative of Ghana said its members endorsed the text."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("representative of Ghana", "GHA")]


def test_a_capitalised_plural_title_is_a_group_and_a_quoted_light_noun_closes_its_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The Caribbean Community ministers met in Bridgetown. Secretary General Carla Brathwaite briefed Ministers on the budget. "
        'On security, Ministers reiterated their "grave concern" at arms trafficking across the region.'
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker_kind, c.cue) for c in found][-1] == ("group", 'reiterated their "grave concern"')
    assert found[-1].text.startswith("at arms trafficking")


def test_a_phrase_between_the_subject_and_the_cue_that_names_nobody(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = 'Minister Rawlings, asked about the port blockade, said: "The facts are clear. We will defend our fishermen."'
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Rawlings", "said")]


def test_a_group_qualified_by_an_inclusion_speaks(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Plusieurs délégations, dont celles de l'Uruguay et du Ghana, ont insisté sur l'importance de protéger les casques bleus."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(text, "fr", models)] == [("Plusieurs délégations", "group")]


def test_a_subject_the_parser_gave_to_the_relative_clause_after_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La ministre slovène des Affaires étrangères, Tanja Vrhovnik, dont le pays a subi le même blocage en 2019, a exhorté les deux capitales à conclure « sans tarder » un compromis."
    assert [(c.speaker, c.cue) for c in claims_of(text, "fr", models)] == [("Tanja Vrhovnik", "a exhorté")]


def test_the_agency_that_asks_is_not_whom_a_possessive_title_serves(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministère gabonais des Affaires étrangères a déploré une décision « unilatérale ». "
        "Questionné par l'AFP, son porte-parole a assuré que l'expédition avait un but purement scientifique."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)][-1].startswith("porte-parole du ministère")


def test_a_stressed_pronoun_between_commas_and_a_group_named_by_an_acronym(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Les ONG écologistes, elles, redoutent avant tout la disparition des mangroves côtières."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(text, "fr", models)] == [("ONG écologistes", "group")]


def test_a_que_clause_runs_on_past_its_subjects_apposition(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La ministre Ana Rocha a assuré que la patrouille, dirigée par la marine, relevait de la seule police des pêches."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ana Rocha", "a assuré")]
    assert found[0].text.startswith("la patrouille, dirigée par la marine, relevait")


def test_a_participle_the_parser_hung_on_a_noun_of_the_content_and_its_target(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Gabon a décidé jeudi de geler sa coopération avec la mission chargée de régler le litige qui l'oppose au Cameroun "
        "sur le tracé de la frontière, reprochant à Yaoundé d'avoir déployé des troupes sans préavis."
    )
    found = claims_of(text, "fr", models)
    blame = next(c for c in found if c.cue == "reprochant")
    assert (blame.speaker, blame.stance) == ("Gabon", "oppose")
    assert blame.text.startswith("d'avoir déployé des troupes")


def test_an_unnamed_source_after_a_relative_clause_on_anonymity(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Un officier onusien basé à Gao, qui a requis l'anonymat, estime pour sa part que la trêve « ne passera pas l'hiver »."
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in claims_of(text, "fr", models)] == [("officier onusien", "person", None)]


def test_a_framed_expert_whose_name_the_model_took_for_a_place(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour Tiavina Rakotomalala, sociologue à l'université de Toamasina, cette rupture sert surtout des calculs électoraux."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("Tiavina Rakotomalala", "person")]
    assert found[0].text.startswith("cette rupture sert")


def test_the_spokesperson_of_a_ministry_serves_the_ministrys_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "À Berlin, le ministère fédéral des Affaires étrangères a dit « prendre acte » de ce choix. "
        "Joint par téléphone, son porte-parole a affirmé que les exercices navals resteraient « purement défensifs »."
    )
    spokesperson = next(c for c in claims_of(text, "fr", models) if c.cue == "a affirmé")
    assert spokesperson.speaker_country == "DEU"


def test_a_title_closed_by_an_honorific_and_a_name_is_that_person(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Haut-Représentant pour les affaires de désarmement, M. Henrik Solvang Aas, a observé que les financements chutaient."
    assert [(c.speaker, c.speaker_kind) for c in claims_of(text, "fr", models)] == [("Henrik Solvang Aas", "person")]


def test_a_framed_person_whose_profession_is_given_before_the_view(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour Odile Mbadinga, enseignante en droit maritime à Port-Gentil, la querelle relève surtout de la rente pétrolière."
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Odile Mbadinga"]
    assert found[0].text.startswith("la querelle relève")


def test_a_quoted_adverb_between_the_auxiliary_and_the_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "L'Union africaine a « vivement » dénoncé le coup de force survenu dimanche à la présidence comorienne."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.stance) for c in found] == [("organisation", "oppose")]
    assert found[0].text.startswith("le coup de force")


def test_a_body_speaking_through_this_text_keeps_the_text_its_own(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La SADC a condamné jeudi, dans un communiqué, les violences post-électorales au Malawi.\n\n"
        "Dans ce texte, l'organisation appelle les partis à la retenue.\n\n"
        "Le communiqué réclame en outre une enquête indépendante sur la mort de trois manifestants."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker_kind for c in found if "enquête" in c.text] == ["organisation"]


def test_a_concession_after_a_cue_is_a_position_of_its_own(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "À Accra, le porte-parole du gouvernement, Kofi Asante, a salué le soutien de l'Union africaine, tout en affirmant que son pays « ne négociera pas sous la menace »."
    assert [c.cue for c in claims_of(text, "fr", models)] == ["a salué", "affirmant"]


def test_a_participle_the_parser_hung_on_the_cues_adverbial(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    before = "La ministre congolaise des Affaires sociales, Aline Mbuyi, a reçu mardi les agences humanitaires. "
    text = "« Nos frontières resteront ouvertes aux réfugiés », a-t-elle déclaré lors d'un point de presse, ajoutant que des camps seraient ouverts près de Goma."
    found = claims_of(before + text, "fr", models)
    adding = next(c for c in found if c.cue == "ajoutant")
    assert adding.text.startswith("des camps seraient ouverts")


def test_the_sentence_after_a_wire_lede_is_background(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "MAPUTO, 4 mai (AFP) - Le Mozambique a accusé lundi des insurgés d'avoir attaqué un convoi humanitaire près de Palma. "
        "Le convoi transportait des vivres pour quelque 20.000 déplacés."
    )
    assert [c.text for c in claims_of(text, "fr", models, dateline="MAPUTO, 4 mai (AFP) - ") if "vivres" in c.text] == []


def test_a_bare_title_in_apposition_to_the_name_before_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "S'exprimant au nom de l'Union africaine, M. Hans-Peter Lindqvist, conseiller principal de la mission de l'UA, "
        "a souligné que l'organisation restait « prête à aider » les États côtiers."
    )
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["Hans-Peter Lindqvist"]


def test_a_sentence_opening_framing_names_the_owner_of_its_delegate(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "For Norway, the first task is to reopen the humanitarian corridor. Its delegate noted that convoys had been turned back nine times in May."
    noted = next(c for c in claims_of(text, "en", models) if c.cue == "noted")
    assert (noted.speaker, noted.speaker_country) == ("delegate of Norway", "NOR")


def test_an_absolute_construction_with_a_named_representative(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Brazil voted against the text, its representative, Helena Duarte Lins, arguing that the mandate ignored the host country's consent."
    arguing = next(c for c in claims_of(text, "en", models) if c.cue == "arguing")
    assert (arguing.speaker, arguing.speaker_country) == ("Helena Duarte Lins", "BRA")


def test_a_quoted_noun_after_a_light_verb_is_what_was_said(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le ministre Paulo Mendes a réaffirmé « l'attachement profond du Portugal à une transition pacifique » en Guinée-Bissau."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a réaffirmé"]
    assert found[0].text.startswith("« l'attachement profond du Portugal")


def test_a_subject_before_a_relative_after_a_preposition(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Chili, pour qui la zone exempte d'armes nucléaires « reste un acquis régional », s'est félicité du retour de deux États au protocole."
    # (the relative clause states the country's view too: two claims of one speaker)
    found = claims_of(text, "fr", models)
    assert [(c.speaker_country, c.speaker_kind, c.cue) for c in found] == [("CHL", "country", "pour qui"), ("CHL", "country", "s'est félicité")]


def test_imputer_is_a_blame(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "M. Arvid Holmqvist (Suède) a imputé l'échec des pourparlers au refus persistant des puissances nucléaires de réduire leurs arsenaux."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.stance) for c in found] == [("Arvid Holmqvist", "oppose")]


def test_a_relative_clause_on_the_speaker_after_a_closing_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Nous ne céderons aucun mètre de nos eaux », a affirmé devant les députés le ministre de la Défense, Paulin Ekomi-Ndong, "
        "qui a exhorté Yaoundé à rappeler « immédiatement » ses patrouilleurs."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.stance) for c in found if "patrouilleurs" in c.text] == [("Paulin Ekomi-Ndong", "call")]


def test_an_inverted_speaker_named_right_after_whom_they_spoke_to(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« La route reste longue, mais nous accueillons ce geste », a déclaré à la presse Kossi Agbenyo au terme de trois heures de discussions."
    assert [c.speaker for c in claims_of(text, "fr", models)] == ["Kossi Agbenyo"]


def test_a_side_of_talks_named_by_its_nationality_is_the_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La ministre péruvienne des Affaires étrangères, Lucía Paredes, a reçu jeudi son homologue bolivien, Mateo Quispe. "
        "La partie bolivienne a rappelé que l'accès à la mer restait une priorité nationale."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("Bolivia", "country", "BOL")]
    text = (
        "Peruvian Foreign Minister Lucía Paredes hosted her Bolivian counterpart Mateo Quispe on Thursday. "
        "The Bolivian side said access to the sea remained a national priority."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("Bolivia", "country", "BOL")]


def test_a_delegate_who_spoke_for_a_country_is_its_later_description(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Pour le Chili, M. Tomás Errázuriz a plaidé pour un cessez-le-feu immédiat. "
        "Le délégué chilien a ajouté que son pays enverrait des observateurs."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Tomás Errázuriz", "CHL")] * 2


def test_a_closing_cue_with_its_addressee_and_a_time_word(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Mines laid along the border are killing farmers every week, the humanitarian coordinator warned the Council today."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.text) for c in found] == [("humanitarian coordinator", "Mines laid along the border are killing farmers every week")]


def test_a_definite_report_framing_speaks_an_indefinite_statement_is_its_author(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Ana Reyes, the head of the maritime office, said joint patrols had paid off. "
        "According to the Secretary-General's annual report, piracy off the coast fell by half in two years "
        "— a trend she described as \"fragile and easily reversed\"."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker_kind, c.cue, c.text) for c in found][-2:] == [
        ("document", "According to", "piracy off the coast fell by half in two years"),
        ("person", "described", '"fragile and easily reversed"'),
    ]
    text = "Selon un communiqué du ministère togolais des Affaires étrangères, la frontière restera ouverte aux commerçants."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.speaker_country) for c in found] == [("organisation", "TGO")]


def test_what_a_qualifying_cue_qualifies_is_no_inverted_actor() -> None:
    # the parse the English model gives "Responding, the delegate, Tom Hale, called those claims "pure
    # invention"": the comma before the cue closes an apposition, not a quotation
    words = ["Responding", ",", "the", "delegate", ",", "Tom", "Hale", ",", "called", "those", "claims", '"', "pure", "invention", '"', "."]
    heads = [8, 0, 3, 0, 0, 6, 0, 6, 8, 10, 8, 13, 13, 8, 13, 8]
    deps = ["nsubj", "punct", "det", "conj", "punct", "compound", "appos", "punct", "ROOT", "det", "dobj", "punct", "amod", "oprd", "punct", "punct"]
    pos = ["VERB", "PUNCT", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "NOUN", "PUNCT", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    lex = claims.load_lexicon_for("en").sentence
    assert attribution._inverted_actor(doc, attribution.Predicate(8, 8, (8,), "", "call", "verb"), lex) is None


def test_a_framing_names_a_delegate_the_un_way_and_a_sentence_opens_with_his_view(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        'For Arvid Lindqvist (Sweden), the spread of drones gave armed groups "a reach they never had". '
        "In his view, member States ought to demand a report on their supply routes."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [("Arvid Lindqvist", "SWE", "For"), ("Arvid Lindqvist", "SWE", "In his view")]
    text = "La ministre ghanéenne Abena Owusu a rencontré les chefs traditionnels. À ses yeux, la réforme foncière ne peut plus attendre."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue, c.text) for c in found][-1] == ("Abena Owusu", "À ses yeux", "la réforme foncière ne peut plus attendre")


def test_what_a_light_noun_commits_to_is_the_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "The African Union, in a note sent to members, reaffirmed its commitment to train border police along the river, including in the delta."
    found = claims_of(text, "en", models)
    assert [(c.cue, c.text) for c in found] == [("reaffirmed its commitment", "to train border police along the river, including in the delta")]


def test_what_a_thing_named_in_the_content_does_is_no_claim(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Norway's envoy announced a new $3 million grant to the Peacebuilding Fund (PBF), the United Nations account that supports local mediation projects."
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Norway's envoy", "announced")]


def test_a_closing_cue_followed_by_an_adverbial_phrase(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Gabon a rappelé son ambassadeur à Malabo, qu'il accuse de « propos injurieux », a annoncé le ministère gabonais "
        "des Affaires étrangères, dans un nouvel épisode de la querelle frontalière."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.speaker_country, c.text[:30]) for c in found] == [("organisation", "GAB", "Le Gabon a rappelé son ambassa")]


def test_the_lede_description_is_the_person_introduced_next(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Food shortages in the camps have reached a breaking point, the United Nations relief chief told the Council today.\n"
        "Briefing members, Lucia Brennan, Emergency Relief Coordinator, said rations had been cut by half since March."
    )
    found = claims_of(text, "en", models)
    assert [c.speaker for c in found] == ["Lucia Brennan", "Lucia Brennan"]


def test_le_ministre_is_the_man_of_two_ministers_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre des Armées, M. Paul Garnier, a déjeuné avec son homologue ivoirienne, la ministre Awa Koné. "
        "« Nos deux armées doivent se parler davantage », a lancé le ministre après le repas."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Paul Garnier"]


def test_a_clause_opened_by_dont_is_no_closing_cue_and_convenir_takes_etre(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Les deux délégations sont convenues de reprendre les pourparlers au sein du comité mixte, dont le Togo assure depuis janvier la présidence."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.cue) for c in found] == [("group", "sont convenues")]


def test_a_light_cue_keeps_its_own_nouns_and_what_its_position_holds(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Portugal exprime toute sa solidarité avec le Mozambique et le Malawi, ainsi qu'avec l'ensemble des pays touchés."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["exprime toute sa solidarité"]
    text = "Au nom du Groupe arabe, M. Samir Haddad (Jordanie) a réaffirmé la position constante du Groupe, qui exige le départ de toutes les troupes étrangères."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.text.endswith(", qui exige le départ de toutes les troupes étrangères")) for c in found] == [("a réaffirmé la position", True)]


def test_a_part_of_a_body_the_phrase_names_speaks(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La mission d'observation de l'Union africaine au Tchad (MOUAT), déployée depuis mai, a indiqué n'avoir relevé aucune fraude massive."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("mission d'observation de l'Union africaine au Tchad", "organisation")]


def test_the_article_of_a_quoted_noun_and_a_cue_set_between_commas(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le communiqué salue en outre la « modération » dont ont fait preuve les deux capitales."
    found = claims_of(text, "fr", models)
    assert [c.text for c in found] == ["la « modération » dont ont fait preuve les deux capitales"]
    text = 'Kenya\'s envoy Joseph Mwangi spoke first. Nairobi would "respond to any incursion with force", he warned, without giving details.'
    found = claims_of(text, "en", models)
    assert [(c.cue, c.text) for c in found][-1] == ("warned", 'Nairobi would "respond to any incursion with force"')


def test_a_framing_that_counts_its_sources(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Norway and Iceland had dropped their objections to the quota, according to three officials briefed on the talks."
    found = claims_of(text, "en", models)
    assert [(c.speaker_kind, c.cue) for c in found] == [("group", "according to")]


def test_a_title_hung_on_the_adverbial_after_a_closing_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Le Sahel ne peut pas devenir un sanctuaire », a déclaré lors d'un point de presse le commissaire à la défense, Amadou Sy."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.attribution) for c in found] == [("Amadou Sy", "inverted")]


def test_an_object_hung_on_the_participle_of_an_adverbial_and_a_call_coordinated_with_a_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "La SADC a salué dans une déclaration séparée l'annonce d'un cessez-le-feu dans l'est du pays."
    found = claims_of(text, "fr", models)
    assert [c.text for c in found] == ["l'annonce d'un cessez-le-feu dans l'est du pays"]
    text = "À Tbilissi, les partis d'opposition ont dénoncé des « reculs » consentis à Moscou et appelé à défiler samedi devant la présidence."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.text) for c in found] == [("ont dénoncé", "des « reculs » consentis à Moscou"), ("appelé", "à défiler samedi devant la présidence")]


def test_a_capital_written_another_way_gives_the_official_his_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Regional ministers met in Jakarta on Monday to discuss the crisis.\n"
        "In Naypyitaw, military spokesman Colonel Zaw Lin said the talks were \"one-sided\"."
    )
    found = claims_of(text, "en", models, dateline="JAKARTA")
    assert [c.speaker_country for c in found] == ["MMR"]


def test_a_title_and_name_after_a_relative_pronoun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Conseil a tenu un débat sur les attaques de pirates au large d'Aden, au cours duquel la Sous-Secrétaire générale "
        "pour l'Asie, Mme Karin Holmqvist, a averti que le nombre d'abordages de cargos avait « presque triplé »."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Karin Holmqvist", "a averti")]


def test_a_generic_description_is_the_person_who_just_spoke(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le Secrétaire exécutif de l'Autorité du bassin du Niger, M. Ousmane Traoré, a plaidé pour un budget « stable ». "
        "Sans crédits, l'Autorité « restera une coquille vide », a insisté le haut fonctionnaire."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Ousmane Traoré", "Ousmane Traoré"]


def test_an_incise_in_a_clause_whose_subject_is_a_country_gives_the_delegate_its_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Canada, a affirmé Mme Laura Bélanger, soutient la création d'un tribunal spécial et financera ses premiers travaux."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found] == [("Laura Bélanger", "CAN")]


def test_a_causative_cue_the_parser_hung_under_its_infinitive_and_a_masculine_honorific(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "« Un trafiquant relâché faute de preuves reprendra la route dans un mois », a fait valoir la représentante belge."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.attribution) for c in found] == [("a fait valoir", "inverted")]
    text = (
        "Ouvrant la séance, le Président de l'Assemblée générale, M. Rafael Duarte, a rappelé le bilan. "
        "« Chaque veto a un prix », a-t-il déclaré."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found][-1] == "Rafael Duarte"


def test_a_cue_before_an_inverted_clitic_and_quoted_words_that_close_with_the_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour Aline Kossou, politologue à Cotonou, la crise durera. « Chaque incident devient une affaire d'État parce que personne ne se parle », estime-t-elle."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.attribution) for c in found][-1] == ("estime-t-elle", "inverted")
    text = "La CEEAC s'est dite « profondément inquiète » par la hausse des incidents armés sur la frontière orientale."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.text) for c in found] == [("s'est dite « profondément inquiète »", "par la hausse des incidents armés sur la frontière orientale")]
    text = "Le Togo et le Ghana ont exprimé mardi leur « soutien total et résolu » aux autorités de transition."
    found = claims_of(text, "fr", models)
    assert [(c.cue, c.text) for c in found] == [("ont exprimé mardi leur « soutien total et résolu »", "aux autorités de transition")]


def test_the_delegate_of_the_country_a_relative_follows_and_a_closing_incise_before_a_participle(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Même réserve du côté de l'Algérie, dont le délégué a estimé prématuré d'ouvrir une négociation sur ces engins. "
        "Le projet invite les États à déclarer leurs stocks avant 2028, a-t-il ajouté, assurant que l'Algérie « ne signera rien en l'état »."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [
        ("délégué de l'Algérie", "DZA", "a estimé"), ("délégué de l'Algérie", "DZA", "a-t-il ajouté"), ("délégué de l'Algérie", "DZA", "assurant"),
    ]


def test_a_speaker_phrase_stops_at_a_verb_tagged_as_a_noun_and_a_scene_setting_participle_is_no_content(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Un diplomate nordique en poste à Bruxelles juge pour sa part que la seule présence de Pékin à la table est un bon signe."
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] in (["diplomate nordique en poste à Bruxelles"], ["diplomate nordique"])
    text = "Questionné sur les griefs ougandais, le chef de la diplomatie kényane les a écartés, estimant que le Kenya « n'a de leçon à recevoir de personne »."
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["estimant"]


def test_the_diplomate_is_the_delegate_of_no_stated_title_who_just_spoke(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "La représentante du Brésil, Mme Clara Menezes, a plaidé pour des mesures volontaires.\n"
        "Mme Awa Ndiaye (Sénégal) a rappelé la position commune arrêtée en mars par les ministres de la région. "
        "Pour la diplomate, le continent ne doit pas servir de « laboratoire »."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("Awa Ndiaye", "Pour")


def test_an_honourable_named_after_a_title_and_a_copula_the_tagger_took_for_a_noun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "La Nouvelle-Zélande salue l'accord de cessez-le-feu et demeure résolue à appuyer les pourparlers de paix. "
        "« Le dialogue reste la seule voie », a affirmé pour sa part la ministre du Commerce, l'honorable Aroha Whitcombe."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [
        ("New Zealand", "salue"), ("New Zealand", "demeure résolue"), ("Aroha Whitcombe", "a affirmé"),
    ]
    assert found[1].text.startswith("à appuyer les pourparlers")


def test_a_gerund_shares_its_clause_s_subject_wherever_the_parser_hung_it(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "Le Conseil a salué l'engagement des parties à l'Accord de paix de Khartoum de reporter le scrutin jusqu'en mars, "
        "tout en se disant « très inquiet » face à la hausse des attaques visant les convois humanitaires."
    )
    found = claims_of(fr, "fr", models)
    assert [c.speaker for c in found] == ["Conseil", "Conseil"]
    assert "hausse des attaques" in found[1].text and "hausse" not in found[0].text


def test_a_call_for_after_while_and_an_incise_inside_a_cue_s_own_clause(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = (
        "Ana Lucía Ferreyra (Uruguay) stressed the importance of demining the border areas, while the representative of Chile "
        "called for the regional tribunal's judges to receive full protection from the authorities."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ana Lucía Ferreyra", "stressed"), ("representative of Chile", "called for")]
    assert found[1].text.startswith("the regional tribunal's judges to receive")
    en = (
        "The delegate of Jordan warned that the camps could not absorb more arrivals. Amman, he added, would keep "
        "funding the water network in the northern governorates."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("delegate of Jordan", "added")
    assert found[-1].text.endswith("would keep funding the water network in the northern governorates")


def test_a_body_behind_a_text_an_incise_inside_a_relative_and_a_title_naming_another_body(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "BAMAKO, 3 mai (Agence) - Deux soldats maliens ont été tués lors d'une embuscade près de Ménaka, selon un rapport "
        "de l'état-major de l'armée de terre.\n\n"
        "Le ministère malien de la Défense a condamné une attaque contre un convoi qui circulait, précise-t-il, « sur une "
        "route rouverte la veille ».\n\n"
        "Le médiateur Kofi Mensah-Adjei est arrivé lundi à Bamako.\n\n"
        "Le président de la Commission de l'Union africaine s'est déclaré « profondément troublé » par ces violences."
    )
    found = claims_of(fr, "fr", models, dateline="BAMAKO, 3 mai (Agence) -")
    by_cue = {c.cue: c for c in found}
    assert (by_cue["selon"].speaker, by_cue["selon"].speaker_kind, by_cue["selon"].speaker_country) == ("état-major de l'armée de terre", "organisation", "MLI")
    assert by_cue["précise-t-il"].speaker == "ministère malien de la Défense"
    assert by_cue["s'est déclaré"].speaker == "président de la Commission de l'Union africaine"


def test_a_relative_that_states_its_antecedent_s_view_and_an_initial_before_a_quotation(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "Le Conseil a aussi entendu Mme Ingrid Solvang, chercheuse à l'Institut nordique de la paix, pour qui les patrouilles "
        "conjointes restent « la seule parade efficace » aux trafics dans le détroit. "
        "La Norvège, pour qui l'accord de 2019 « doit être appliqué à la lettre », s'est félicitée de la reprise du dialogue."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ingrid Solvang", "pour qui"), ("Norway", "pour qui"), ("Norway", "s'est félicitée")]
    assert found[0].text.startswith("les patrouilles conjointes") and found[1].text.endswith("« doit être appliqué à la lettre »")
    fr = (
        "Mme Ana Ferreira (Cabo Verde) a indiqué que Praia organiserait en juin une réunion sur la sécurité de la zone G. "
        "« Nos garde-côtes ont besoin de navires, pas de discours », a-t-elle lancé."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ana Ferreira", "a indiqué"), ("Ana Ferreira", "a-t-elle lancé")]


def test_a_participle_with_its_own_subject_and_one_after_a_cue_that_shares_its_speaker(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "Le Chili a défendu une surveillance conjointe des zones de pêche du Pacifique Sud, son représentant soulignant que "
        "la flotte chilienne avait mené six patrouilles communes depuis 2022."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Chile", "a défendu"), ("représentant du Chili", "soulignant")]
    assert found[1].text.startswith("la flotte chilienne")
    fr = (
        "La représentante de l'Irlande a jugé que la médiation régionale avait montré ses failles et a réclamé un appui "
        "accru aux tribunaux des pays côtiers, soulignant que l'Irlande avait financé la formation de 200 juges depuis 2018."
    )
    found = claims_of(fr, "fr", models)
    assert [c.speaker for c in found] == ["représentante de l'Irlande"] * 3


def test_a_coordinated_verb_inside_a_closing_cue_s_content_and_the_body_that_opens_the_sentence(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = (
        "Suriname's foreign minister Anita Ramdin said the border post had been moved overnight. "
        "Suriname had filed a written complaint and notified the Organization of American States, she said."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("Anita Ramdin", "said")
    assert found[-1].text.startswith("Suriname had filed a written complaint and notified")
    en = (
        "The European Union voiced deep concern over the clashes. "
        "The African Union will convene its Peace and Security Council on Friday at Chad's request, the body said."
    )
    found = claims_of(en, "en", models)
    assert [(c.speaker, c.cue) for c in found][-1] == ("African Union", "said")


def test_an_acronym_the_tagger_read_as_a_number_is_the_organisation_it_abbreviates(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "KHARTOUM, 3 mai (Agence) - L'armée a accusé les miliciens des Forces de défense régionales (FDR) d'avoir "
        "attaqué un convoi. Dans une déclaration diffusée mardi, les FDR ont rejeté un rapport « biaisé » et ont assuré "
        "ne « jamais viser des civils »."
    )
    found = claims_of(fr, "fr", models, dateline="KHARTOUM, 3 mai (Agence) -")
    assert [c.speaker for c in found if c.cue != "a accusé"] == ["Forces de défense régionales"] * 2


def test_a_capital_s_ministry_serves_that_capital_s_country(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = "Vietnam summoned the Chinese ambassador after a survey ship entered its waters near the islands, Hanoi's foreign ministry said."
    found = claims_of(en, "en", models)
    assert [(c.speaker_kind, c.speaker_country) for c in found] == [("organisation", "VNM")]


def test_a_possessive_title_after_a_fronted_adverbial_serves_the_body_that_spoke(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = (
        "Le Conseil de sécurité n'a pas renouvelé le régime de sanctions contre le Soudan du Sud, le Soudan du Sud ayant obtenu "
        "le soutien de trois membres. Chargé du dossier au Conseil depuis dix ans, le Royaume-Uni a vivement regretté ce vote. "
        "Son représentant, M. Oliver Brantwood, a rappelé que le texte prévoyait un assouplissement des règles de déclaration."
    )
    found = claims_of(fr, "fr", models)
    assert [(c.speaker, c.speaker_country) for c in found if c.cue == "a rappelé"] == [("Oliver Brantwood", "GBR")]


def test_a_free_relative_names_more_of_what_the_cue_before_reports(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    en = (
        "The Russian Embassy in Tallinn said Moscow respected the sovereignty of Nordic states, but voiced opposition to "
        "\"military encirclement\" and what it called hostile naval exercises near its border."
    )
    found = claims_of(en, "en", models)
    assert [c.cue for c in found] == ["said", "voiced opposition"]
    assert found[-1].text.endswith("what it called hostile naval exercises near its border")


def test_capitalised_body_of_a_country_speaks_as_an_organisation(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Dans une note publiée lundi, la Brigade fluviale gabonaise a affirmé que les barges naviguaient sans licence depuis des mois."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [("Brigade fluviale gabonaise", "organisation", "GAB")]


def test_title_then_determiner_and_honorific_before_the_name(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Le temps presse », a prévenu le président du Comité, M. Oumar Bangoura, à l'ouverture de la session. "
        "Le président de la Banque régionale, le Dr Ibrahim Touré, a indiqué que la plupart des pays membres avaient payé leur part."
    )
    found = claims_of(text, "fr", models)
    assert [c.speaker for c in found] == ["Oumar Bangoura", "Ibrahim Touré"]


def test_trades_speak_as_groups(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    fr = "Les armateurs du port ont affirmé que les nouvelles taxes allaient ruiner la flotte."
    en = "Herders in the valley said the new fences had cut them off from their wells."
    assert [(c.speaker_kind, c.cue) for c in claims_of(fr, "fr", models)] == [("group", "ont affirmé")]
    assert [(c.speaker_kind, c.cue) for c in claims_of(en, "en", models)] == [("group", "said")]


def test_long_object_and_the_participle_after_it_are_two_positions(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    # a short object is no position without the participle ("rejected her account, saying …": one claim)
    text = (
        "Tomas Varga (Hungary) welcomed the extension of the observer mission in the valley, saying the "
        "new checkpoints had reduced incidents along the line. "
        "Lina Costa (Portugal) rejected that account, saying the checkpoints were still closed at night."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.text) for c in found] == [
        ("Tomas Varga", "the extension of the observer mission in the valley"),
        ("Tomas Varga", "the new checkpoints had reduced incidents along the line"),
        ("Lina Costa", "account … the checkpoints were still closed at night"),
    ]


def test_coordinated_actors_the_parser_split(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Le Chili et l'Argentine ont aussi fait part de leur « vive inquiétude » face aux incursions."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.speaker_country) for c in found] == [("group", None)]
    assert "Chili" in found[0].speaker and "Argentine" in found[0].speaker


def test_the_union_is_the_union_named_before(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The Maritime Workers Union of Fiji called for a three-day strike at the port of Suva.\n\n"
        "The union said the new shift rules put the lives of dockers at risk."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("Maritime Workers Union of Fiji", "organisation")] * 2


def test_an_acronym_written_as_a_word_stays_inside_the_title(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    title = "Sahel : la Cédéao prête à servir de médiatrice"
    text = (
        f"{title}\n\nÀ Lomé, le commissaire de l'Union économique et monétaire ouest-africaine (Uemoa) chargé "
        "du commerce, de l'industrie et des mines, Abdou Sall-Kaboré, s'est dit « disposé à organiser » une "
        "réunion des deux ministres."
    )
    found = claims_of(text, "fr", models, title=title)
    assert [c.speaker for c in found] == ["Abdou Sall-Kaboré"]


def test_a_thing_as_subject_leaves_the_view_to_the_framing(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour Komi Adjévi, chercheur au Centre de recherches politiques de Kara, la proposition de Niamey répond surtout à une urgence budgétaire."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_kind) for c in found] == [("Komi Adjévi", "person")]
    assert found[0].text.startswith("la proposition de Niamey répond")


def test_whom_a_speaker_told_is_no_inverted_subject(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Stockpiles remain poorly guarded in many regions, the Chief of the Office of Counter-Terrorism, "
        "Paulo Menezes-Ribeiro, told the General Assembly this afternoon."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue) for c in found] == [("Paulo Menezes-Ribeiro", "told")]
    assert found[0].text == "Stockpiles remain poorly guarded in many regions"


def test_causative_whose_clause_the_parser_hung_on_faire(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "M. Farid Oussama (Tunisie) a fait savoir que le gouvernement tunisien réclamait encore le versement des arriérés. "
        "Le délégué du Chili a pris la parole, tandis que Mme Helga Brandt (Allemagne) a fait valoir que l'Allemagne "
        "demeurait le principal bailleur de la mission."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Farid Oussama", "a fait savoir"), ("Helga Brandt", "a fait valoir")]
    assert found[0].text == "le gouvernement tunisien réclamait encore le versement des arriérés"


def test_bare_participle_shares_the_auxiliary_of_the_first_cue(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Mme Ingrid Solberg (Norvège) a souligné que la Norvège assurait près d'un tiers des dépenses, "
        "et appelé tous les pays contributeurs à régler leurs arriérés."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ingrid Solberg", "a souligné"), ("Ingrid Solberg", "appelé")]


def test_verb_with_a_fixed_phrase(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Le ministre ghanéen a mis en avant les progrès accomplis dans la surveillance des côtes. "
        "Son homologue togolais a clairement remis en cause la fiabilité des chiffres publiés par la commission."
    )
    found = claims_of(text, "fr", models)
    assert [c.cue for c in found] == ["a mis en avant", "a clairement remis en cause"]
    assert found[1].stance == "oppose"


def test_framed_delegates(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Aux yeux du représentant du Pérou, le mandat des observateurs devrait être réduit de moitié."
    found = claims_of(text, "fr", models)
    assert [(c.speaker_kind, c.speaker_country) for c in found] == [("person", "PER")]
    text = (
        "According to SOFIA LINDGREN (Sweden), the panel should publish its findings before the vote. "
        "In the view of Kenya's delegate, the panel lacked the resources to do so."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.speaker_kind, c.speaker_country) for c in found] == [
        ("SOFIA LINDGREN", "person", "SWE"), ("Kenya's delegate", "person", "KEN"),
    ]


def test_relative_clause_on_an_honorific_and_name(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "« Chaque incident rapproche les deux armées d'une guerre ouverte », a déclaré M. Olufemi Adeyemi, "
        "qui a exhorté les pays voisins à relancer sans tarder les discussions."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Olufemi Adeyemi", "a déclaré"), ("Olufemi Adeyemi", "a exhorté")]


def test_framing_past_a_rank_and_a_surname_that_is_a_city(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "Selon le porte-parole de la marine sénégalaise, le commodore Ousmane Ndiaye, le chalutier a tenté de fuir "
        "vers le large. « C'est un acte délibéré », a ajouté le commodore devant la presse.\n\n"
        "Pour l'analyste Ana Paula Lima, basée à Lisbonne, le Portugal cherche à peser davantage dans les négociations."
    )
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.cue) for c in found] == [("Ousmane Ndiaye", "Selon"), ("Ousmane Ndiaye", "a ajouté"), ("Ana Paula Lima", "Pour")]
    assert found[0].text == "le chalutier a tenté de fuir vers le large"


def test_the_council_named_before_and_a_month_abbreviation(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The Peace and Security Council of the African Union met in Addis Ababa on Friday.\n\n"
        'On Saturday the 15-member council "firmly urged" the transitional authorities to publish an '
        "electoral calendar."
    )
    found = claims_of(text, "en", models)
    assert [(c.cue, c.speaker_kind) for c in found] == [("urged", "organisation")]
    text = "It condemned the Nov. 3 attack on a convoy near Gao. Nobody claimed it."
    assert [text[a:b] for a, b in claims.sentences(text, 0, len(text))] == ["It condemned the Nov. 3 attack on a convoy near Gao.", "Nobody claimed it."]


def test_an_offer_to_act_is_a_position_an_offered_thing_is_not(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = (
        "The government offered a reward of five million dollars for information on the attackers.\n\n"
        "Norway offered to mediate between the two capitals."
    )
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.cue, c.text) for c in found] == [("Norway", "offered", "to mediate between the two capitals")]


def test_closing_cue_after_a_framing_names_its_delegate(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = "Pour le Mexique, aucune arme ne devrait choisir seule sa cible, a souligné son représentant, M. Andrés Villalobos."
    found = claims_of(text, "fr", models)
    assert [(c.speaker, c.speaker_country, c.cue) for c in found] == [("Andrés Villalobos", "MEX", "a souligné")]


def test_that_clause_after_an_adverbial_with_a_compound_noun(models: tuple[ner.NerModels, claims.ClaimModels]) -> None:
    text = 'Sweden\'s envoy to Hanoi, Lars Ekdahl, said in a social network post that Stockholm was "gravely alarmed" by the arrests.'
    found = claims_of(text, "en", models)
    assert [(c.speaker, c.text) for c in found] == [("Lars Ekdahl", 'Stockholm was "gravely alarmed" by the arrests')]
