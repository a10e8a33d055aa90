"""Fatalities, injuries and arrests are read by ACLED's rules from realistic report sentences."""

from __future__ import annotations

import pytest

from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figures import document_numbers
from sitrep.model import Document
from sitrep.nlp import analyze


def counts(sentence: str) -> dict[str, int]:
    numbers = document_numbers(analyze(Document("t", sentence)))
    found = totals(sentence_counts(sentence, 0, len(sentence), numbers))
    return {kind: value for kind, (value, _, _) in found.items()}


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen killed 3 people and wounded 5 others in a raid on the market.", {"death": 3, "injury": 5}),
    ("Five soldiers and two militants were killed in the fighting near the border.", {"death": 7}),
    ("Twelve people, including three children, were killed, and 20 were injured.", {"death": 12, "injury": 20}),
    ("A man was shot dead outside a bar in the city centre on Monday night.", {"death": 1}),
    ("Residents caught and killed a suspected cattle thief near the trading centre.", {"death": 1}),
    ("The death toll from the bombing rose to 14 on Sunday.", {"death": 14}),
    # the act's words may run long before the revised figure
    ("The death toll from Sunday's attack by Boko Haram militants on a market in Maiduguri, Borno State, "
     "has risen to seven.", {"death": 7}),
    ("The number of people killed in Tuesday's raid on the village has risen to nine.", {"death": 9}),
    ("The number of people injured in the blast at the bus station climbed to 40.", {"injury": 40}),
    ("The toll from the twin blasts in Kabul climbed to 60.", {"death": 60}),
    ("The number of arrests made since the protests began has risen to 20.", {}),
    ("The road toll in the province rose to 12 this year.", {}),
    # the wounded who died are dead, and already in a toll told before them
    ("The death toll has risen to seven, after two of the wounded died in hospital overnight.", {"death": 7}),
    ("Two of the wounded died in hospital overnight.", {"death": 2}),
    ("Two wounded die in hospital after market attack", {"death": 2}),
    ("Two were wounded and one died.", {"injury": 2, "death": 1}),
    ("Police arrested 25 protesters and injured dozens more.", {"arrest": 25, "injury": 12}),
    ("Dozens of people were killed when the militia stormed the village.", {"death": 12}),
    ("Hundreds of protesters were detained across the country.", {"arrest": 100}),
    ("Several civilians were wounded by shrapnel.", {"injury": 3}),
    ("The blast left 4 dead and 9 wounded.", {"death": 4, "injury": 9}),
    ("Armed men killed between 16 and 25 people during the funeral.", {"death": 16}),
    ("The victim was shot eight times and killed.", {"death": 1}),
    ("Two attackers died when their explosives went off early.", {"death": 2}),
    ("A soldier and a suspected rebel were killed in the exchange of fire.", {"death": 2}),
    ("The fighters shot dead one soldier and one policeman at the checkpoint.", {"death": 2}),
    ("Relatives of a man who was found dead last week blocked the road.", {}),
    ("A masked gunman shot and killed a man outside the garage.", {"death": 1}),
    # ... and so does a pronoun object: the figure is the shooter, not the one shot
    ("A 17-year-old mistook his friend for a deer and shot him while hunting.", {}),
    ("Two men walked up and shot him several times, police said.", {}),
    ("A 4-year-old shot himself with a pistol he found in a nightstand.", {"injury": 1}),
    ("Militants abducted three civilians and killed a dozen of their livestock.", {}),
    ("The clashes resulted in the killing of 1 fighter and the injuring of two policemen.", {"death": 1, "injury": 2}),
    ("Three presumed Katiba Macina (JNIM) militants were killed and three arrested.", {"death": 3, "arrest": 3}),
    ("Police used tear gas, causing the death of a passer-by.", {"death": 1}),
    ("Police say four people were shot, one fatally, at the park late Wednesday.", {"death": 1, "injury": 3}),
    ("The teenager was shot on Saturday at his home and died early Monday in hospital.", {"death": 1}),
    ("When officers arrived, they found the driver dead in the yard.", {"death": 1}),
    ("Deputies identified the weapon used in the fatal shooting of a 7-year-old girl.", {"death": 1}),
    ("A pair of gunmen shot six people at a party early Saturday.", {"injury": 6}),
    ("Six family members including a minor were shot and killed by two armed men.", {"death": 6}),
    ("Residents looted the home of a man suspected of killing a driver.", {}),
    ("Police arrested two men accused of killing 3 traders last month.", {"arrest": 2}),
    ("In the fighting, 51 fighters were killed or wounded.", {}),
    ("The same day, another man was killed in the next village.", {"death": 1}),
])
def test_counts_follow_acled_rules(sentence, expected):
    assert counts(sentence) == expected


def test_casualties_are_not_deaths():
    assert "death" not in counts("At least 20 casualties were reported after the shelling.")


def test_crowd_size_and_dates_are_not_counts():
    sentence = "On 7 February 2022, around 500 people demonstrated in the square against new measures."
    assert counts(sentence) == {}


def test_age_is_not_a_count():
    assert counts("A 20-year-old student was shot dead by unknown gunmen.") == {"death": 1}


@pytest.mark.parametrize("sentence, expected", [
    # a prison term or a span of time counts no one, even beside a death ...
    ("A Detroit man will spend 20 to 42 years in prison for the death of a 3-year-old girl.", {"death": 1}),
    ("Two men were shot and killed within 3 hours in the same neighborhood.", {"death": 2}),
    # ... nor does an age in a police release's "(w/m, 46)"
    ("The suspect, John Doe (w/m, 46), suffered multiple gunshot wounds and was pronounced dead at the scene.",
     {"death": 1}),
])
def test_terms_spans_and_ages_in_releases_are_not_counts(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a second group told by its wound alone, its verb left out, adds its victims to the first ...
    ("Police said three people were hit in the leg and one in the arm.", {"injury": 4}),
    ("One man was shot in the chest and another in the leg.", {"injury": 2}),
    ("Two men were shot in the legs and a third in the back.", {"injury": 3}),
    ("A man was shot in the shoulder and a woman in the foot, police said.", {"injury": 2}),
    ("A 19-year-old was shot in the arm and a 22-year-old in the hand.", {"injury": 2}),
    # ... but a breakdown of a figure already given, or one victim's wounds, adds no one
    ("Three people were shot, one in the head and two in the legs.", {"injury": 3}),
    ("A man was shot in the leg and taken to the hospital.", {"injury": 1}),
])
def test_a_second_group_told_by_its_wound_alone_adds_its_victims(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a condition told of a figure counts the wounded ...
    ("Two are dead and two are in critical condition after a late-night shooting outside a club.",
     {"death": 2, "injury": 2}),
    ("One victim died at the hospital, while the other two remain in critical condition.", {"death": 1, "injury": 2}),
    # ... but not again when the same sentence already counted them
    ("Four people were shot, two are in critical condition.", {"injury": 4}),
    ("Four people were shot; two are stable.", {"injury": 4}),
    ("Three other victims showed up at the hospital with gunshot wounds.", {"injury": 3}),
    ("Strip Mall Shooting Leaves Six People Wounded", {"injury": 6}),
    ("An 18-month-old is dead after an apparent shooting Friday morning.", {"death": 1}),
    ("Police said Friday's shooting death of 17-year-old Jane Doe was an accident.", {"death": 1}),
    ("Two women and three men were in critical condition after the shooting.", {"injury": 5}),
    ("Two men were in critical condition and two others injured after being shot on Friday.", {"injury": 4}),
    ("One was in critical condition. The other two are stable.", {"injury": 3}),
    ("Eight people were taken to County General with injuries that were not life-threatening.", {"injury": 8}),
    ("Five people on the bus went to the hospital.", {"injury": 5}),
    ("The birthday party ended with five people in the hospital.", {"injury": 5}),
    ("He is also charged with shooting and injuring another person during the robbery.", {"injury": 1}),
    ("The teen fatally wounded four classmates and seriously wounded another in the cafeteria.",
     {"death": 4, "injury": 1}),
    ("A man was killed and the baby's mother, grandmother and a family friend were critically wounded.",
     {"death": 1, "injury": 3}),
    # one victim: dead after the wound, not also wounded
    ("Her 4-year-old son died days after he accidentally shot himself in the face.", {"death": 1}),
    ("The death toll from the floods stood at 12 on Monday.", {"death": 12}),
    ("Police, firefighters and paramedics were hurt by falling debris.", {}),
    # one victim told by the hospital or the treatment, unless the sentence tells a death
    ("The teen was rushed to the hospital and is expected to survive.", {"injury": 1}),
    ("The man was taken in “stable” condition to a medical center, police said.", {"injury": 1}),
    ("A 16-year-old is being treated for a gunshot wound after being shot early Thursday.", {"injury": 1}),
    ("A 5-year-old girl was hit by a stray bullet while sleeping on the couch.", {"injury": 1}),
    ("He was taken to a hospital, where he was later pronounced deceased.", {"death": 1}),
    ("The girl was found unharmed and was taken to the hospital as a precaution.", {}),
    ("He was found dead with a gunshot wound to the head.", {"death": 1}),
])
def test_wounded_told_by_condition_hospital_and_list(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Deputies said a 28-year-old man shot his 7-year-old daughter to death and then killed himself.", {"death": 2}),
    ("The standoff ended with a man killing his 2-year-old son and then taking his own life.", {"death": 2}),
    ("Deputies found a father and his daughter dead inside the house on Friday morning.", {"death": 2}),
    ("The girl was taken off life support on Sunday and passed away.", {"death": 1}),
    ("The rifle went off, mortally wounding Miller in the chest.", {"death": 1}),
    ("She was struck on her porch by gunfire that took her life.", {"death": 1}),
    # a follow-up headline: the wounded victim of an earlier shooting has died
    ("Victim of Saturday's shooting near the fairgrounds died Tuesday night, deputies said", {"death": 1}),
    ("Police: teen victim in Maple Street drive-by dies", {"death": 1}),
])
def test_one_victim_dead_in_us_crime_idioms(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Police said a 30-year-old woman shot her estranged husband and their son on Saturday evening.", {"injury": 2}),
    ("A man and a police officer suffered minor injuries in the exchange of gunfire.", {"injury": 2}),
    ("Police said no other student was injured in the shooting.", {}),
    ("Neither the driver nor the other passenger was hurt.", {}),
    ("Four people, including a 16-year-old boy, were shot and wounded outside a corner store.", {"injury": 4}),
    ("A 5-year-old boy shot and critically injured his 6-year-old brother at their home.", {"injury": 1}),
    ("Three people are recovering at area hospitals after being shot outside a bar.", {"injury": 3}),
    ("0:47 Driver shot to death on Blackstone and Saginaw", {}),
])
def test_wounded_listed_or_denied(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a later figure that picks some out of the wounded already counted adds no one
    ("Nine men were shot outside a bakery on Tuesday, leaving three of them in critical condition.", {"injury": 9}),
    ("Eight people were wounded at the fair, including one person in serious condition.", {"injury": 8}),
    # an age range counts no one, nor does a street number
    ("Three girls between ages 13 and 15 were hurt when gunfire erupted near the pool.", {"injury": 3}),
    ("The clerk was shot in the hand at the store at 412 N. Grand Avenue, police said.", {"injury": 1}),
    # "among N people who were shot": the relative clause is the toll, not background
    ("A boy was among five people who were shot at a cookout on Sunday.", {"injury": 5}),
    # "two of the four ... died": the part died, not the whole
    ("Two of the four passengers died at the scene of the ambush.", {"death": 2}),
    # a headline's bare subject, its age in words or an adverb before the verb
    ("Six-year-old wounded in drive-by shooting on Elm Street", {"injury": 1}),
    ("Student accidentally shot during hunting trip", {"injury": 1}),
    ("Girl grazed by bullet at birthday party", {"injury": 1}),
    ("Farmer accidentally shoots neighbor while hunting deer", {"injury": 1}),
])
def test_figures_that_add_no_one_parts_of_a_whole_and_headline_victims(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("3 boys, 2 girls hurt in shooting at a playground, police say", {"injury": 5}),
    ("Officers found 2 men, 1 woman shot outside the corner store.", {"injury": 3}),
    # an apposition renames the figure before it, and "two of them" picks some out of it: no sum
    ("Six people, four men and two women, were shot at the party.", {"injury": 6}),
])
def test_groups_of_victims_listed_by_commas_add_up(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Deputies said it was a miracle there was no fatality after the gunman sprayed the porch with bullets.",
    "The officer was hit in the vest and a colleague said the shot was not fatal.",
])
def test_a_death_word_denied_counts_no_death(sentence):
    assert counts(sentence).get("death", 0) == 0


@pytest.mark.parametrize("sentence, expected", [
    # the first of two ages sharing one "-year-old" counts no one
    ("Three people, including a 13- and 15-year-old, were hurt in the shooting on Elm Street.", {"injury": 3}),
    # a verb in the present tense of a headline
    ("Gunfire outside a bowling alley injures four", {"injury": 4}),
    # the verb before its subject
    ("Also wounded in the attack were two women who had been waiting for a bus.", {"injury": 2}),
    # "among those hurt" picks some out: no toll
    ("Among those hurt were two brothers from Elm Street.", {}),
    # a relative clause that tells what befell the counted themselves
    ("Officers arrived to find three men who had been shot in a parked car.", {"injury": 3}),
    # ... but not the rest after someone already told, nor one person's own background
    ("The other four victims who were hurt are between 20 and 30.", {}),
    ("Deputies found a 40-year-old who had been shot in the arm and a boy who had died.", {}),
    # one of a figure of the shot died: the rest are the wounded
    ("One of 6 shot outside a nightclub dies of his wounds", {"death": 1, "injury": 5}),
    # a denial after the figure
    ("Three children asleep in the back room were not hurt.", {}),
    # a figure whose verb has another, singular subject
    ("He was driving home with four friends when he was shot in the leg.", {"injury": 1}),
    # broadcasters and an age limit named by a number
    ("A man told Channel 9 that his neighbor was shot in the leg.", {"injury": 1}),
    ("The girl is the 12th child under the age of 10 shot in the city this year.", {}),
    ("Police told 11 News the victim was shot in the arm.", {"injury": 1}),
    # a figure that lists more after a comma
    ("A gunman wounded a 10-year-old, 3 others outside a church", {"injury": 4}),
    # one victim more, told with "also"
    ("His 6-year-old son was also shot in the foot.", {"injury": 1}),
    ("Marcus Lee, 17, was also killed in the exchange of fire.", {"death": 1}),
    # headlines that tell one victim without an auxiliary
    ("16-year-old shot, killed near bus stop", {"death": 1}),
    ("Coroner: teen was stabbed, shot to death in city park", {"death": 1}),
    ("Father kills 3-year-old, then himself at family farm", {"death": 2}),
    # the victims told by their ages
    ("Deputies said the man shot and killed his 4- and 6-year-old daughters in the barn.", {"death": 2}),
    ("A suspect has been charged in the shooting death of a 19-year-old in the park.", {"death": 1}),
    ("Police found he had killed the three children before the standoff began.", {"death": 3}),
    ("One of the three people shot at the cookout on Saturday has died, police said.", {"death": 1, "injury": 2}),
    # a second victim told as "another"
    ("Another 17-year-old riding in the back seat was also shot.", {"injury": 1}),
    ("Deputies later found another man who had been shot in the hip.", {"injury": 1}),
    ("The sheriff said two people were killed and another was injured.", {"death": 2, "injury": 1}),
    ("The two other boys were also hit and injured by the gunfire.", {"injury": 2}),
    ("Deputy fatally shoots driver, injures passenger in Elm County", {"death": 1, "injury": 1}),
    # a follow-up headline that tells one death by the charge
    ("Riverside woman, 24, charged in stabbing death", {"death": 1}),
    ("Mother calls death of Riverside 14-year-old senseless", {"death": 1}),
    # two victims named by role in a headline, without articles
    ("Grandmother and grandson dead after shooting at Elm Street home", {"death": 2}),
    ("Sheriff: mother, 6-year-old son found shot to death in farmhouse", {"death": 2}),
    # a weekday after the verb is no object of it
    ("Three people were killed and two injured Sunday when a man opened fire at a party.", {"death": 3, "injury": 2}),
])
def test_figures_read_from_more_ways_of_telling_them(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "N others" after a closed toll are another group, not more of the dead
    ("Detectives are hunting a gunman after a shooting on Maple Avenue that left one man dead and two others "
     "in the hospital.", {"death": 1}),
    # an aside between dashes does not hide the verb of the figure before it
    ("Three men were killed and at least 20 other people — among them a 6-year-old girl — were wounded in "
     "shootings across the city over the holiday weekend.", {"death": 3, "injury": 20}),
    # nor do the figures inside it count anyone twice
    ("Deputies found five people — four adults and a teenager — dead inside the farmhouse.", {"death": 5}),
    ("Two firefighters and two bystanders -- a man and his daughter -- were hurt when the gunman opened fire.",
     {"injury": 4}),
    ("Two men -- a 51-year-old and his 19-year-old nephew -- suffered fatal injuries in the exchange of fire.",
     {"death": 2}),
])
def test_others_and_asides_between_dashes_count_the_right_group(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the shooter killed by the police after his own act is one more dead
    ("A gunman shot and killed a cashier at a gas station on Friday and fired at a passing car before being "
     "fatally shot by deputies, the sheriff said.", {"death": 2}),
    ("The man killed his neighbour with a shotgun before officers shot and killed him on the porch.", {"death": 2}),
    # but the police killing told alone is the one death
    ("A man who had wounded two deputies was shot and killed by police on Sunday.", {"death": 1, "injury": 2}),
])
def test_a_shooter_killed_by_police_after_his_act_adds_one_dead(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the shots "hitting" or "striking" a figure of people, after a comma: that many wounded
    ("A gunman opened fire on a porch party on Cedar Street late Friday, hitting four people.", {"injury": 4}),
    ("Man cleaning his rifle fires it, hits his three daughters", {"injury": 3}),
    ("Police said a man walked up to the group and opened fire, shooting five people.", {"injury": 5}),
    # people "hit in" a shooting, and a shooting that "lands" people in hospital, as a headline tells it
    ("Investigators said three bystanders were hit in a drive-by shooting on Oak Avenue.", {"injury": 3}),
    ("Party shooting on the east side lands three teenagers in hospital", {"injury": 3}),
    # wounds "sustained" or "suffered" whatever their adjectives ("non-fatal" is no word of death)
    ("Two other men sustained non-fatal gunshot wounds, police said.", {"injury": 2}),
    # a figure of the wounded told only as possible is no toll
    ("A bullet struck the side of the bus, possibly injuring two passengers, the driver said.", {}),
    # the dead right after "were shot and" are some of those shot
    ("Police said five men standing outside a corner store were shot and one was killed.", {"death": 1, "injury": 4}),
    ("Four teenagers were shot and two of them died early Saturday outside a skating rink.", {"death": 2, "injury": 2}),
    # but not where the words tell the wounded and the dead apart
    ("Three people were injured and one person was killed when gunfire broke out at the fair.", {"death": 1, "injury": 3}),
])
def test_wounded_told_by_shots_hitting_them_and_other_words(sentence, expected):
    assert counts(sentence) == expected


def test_those_who_opened_fire_striking_a_victim_are_not_the_wounded():
    # "two robbers ... striking the clerk": the robbers are the doers (the clerk is told without a figure)
    assert counts("Police said two robbers opened fire in the store, striking the clerk several times.").get("injury") != 2


@pytest.mark.parametrize("sentence, expected", [
    # the aside tells what became of all of those shot: 2 dead and 5 wounded, not 7 more wounded
    ("Seven people were shot -- 2 killed and 5 wounded -- outside a bowling alley on Route 9, police said.",
     {"death": 2, "injury": 5}),
    ("Four people were shot — one killed and three hurt — at a cookout on Maple Avenue.",
     {"death": 1, "injury": 3}),
    # an aside telling what befell some of them only breaks nothing down (the report's toll takes
    # the dead out of those shot)
    ("He shot three people — one fatally — before fleeing in a pickup.", {"death": 1, "injury": 3}),
])
def test_an_aside_breaking_a_figure_into_dead_and_wounded_counts_no_one_more(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a headline and its photo caption run together with no full stop: the same figure told twice
    ("Three people hurt in shooting near Lake Street bar Gallery Three people, among them a 15-year-old, "
     "were shot late Friday near a bar on Lake Street.", {"injury": 3}),
    # two groups of the same size are two groups
    ("Two men were wounded on Oak Street and two women were wounded an hour later on Elm Street.", {"injury": 4}),
])
def test_a_figure_repeated_by_page_furniture_in_one_run_of_words_counts_once(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Gunfire struck Ramirez and two others as they stood outside the bakery, police said.", {"injury": 2}),
    ("Bullets hit Tanya Greene and four others on the porch.", {"injury": 4}),
    # "and" alone, with no gunfire striking anyone before it, counts no one
    ("Police interviewed Ramirez and two others about the fight.", {}),
])
def test_gunfire_that_struck_a_named_victim_and_others_wounds_the_others(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the subject runs past seven words and holds a death word of its own: the verb tells the figure
    ("Five women walking home from a wake for a murdered cousin were shot, one fatally, on Elm Street.",
     {"injury": 4, "death": 1}),
    ("Three teenagers leaving a memorial for a slain classmate were wounded near the park late Sunday.",
     {"injury": 3}),
    # a second clause with a subject of its own breaks the subject: no figure read
    ("Police questioned two neighbors standing outside the store when he was killed on Friday.", {"death": 1}),
])
def test_a_long_subject_holding_a_death_word_is_counted_by_its_own_verb(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Investigators said the driver also was shot, and he is expected to recover.", 1),
    ("The clerk's nephew was also shot during the robbery.", 1),
    # one more victim who died is no wounded victim
    ("Her uncle was also shot and killed in the doorway.", None),
])
def test_one_more_victim_told_as_also_shot_is_wounded(sentence, expected):
    assert counts(sentence).get("injury") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a pair of body parts counts no one: the girl is the one wounded
    ("The nurse found cuts on both legs and said the girl had been grazed by a bullet.", {"injury": 1}),
    ("Officers said the man was shot in both hands and is in stable condition.", {"injury": 1}),
])
def test_both_legs_or_hands_are_no_figure_of_victims(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The brothers were deceased, both having suffered gunshot wounds, the coroner said.", {"death": 2}),
    ("Deputies said both women suffered gunshot wounds that appear to be the cause of death.", {"death": 2}),
    # without a word of their deaths, the same wounds are wounded
    ("Deputies said both women suffered gunshot wounds and are expected to recover.", {"injury": 2}),
])
def test_the_wounds_of_a_pair_told_dead_are_their_deaths(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "both" tells again the two victims the sentence has just counted
    ("A woman is dead and a 12-year-old girl was hurt after both were shot on the same block.",
     {"death": 1, "injury": 1}),
    # the two shot a week before are another shooting's victims
    ("Four people were wounded early Friday at a bus stop, two weeks after three men were shot at the same corner.",
     {"injury": 4}),
    # "both" after a figure of two counts them once, not twice
    ("Two men were shot and both were taken to a hospital.", {"injury": 2}),
])
def test_a_figure_telling_again_those_counted_or_an_earlier_shootings_victims_adds_no_one(sentence, expected):
    assert counts(sentence) == expected


def test_any_time_one_of_them_is_hurt_counts_no_one():
    # a principal's general words after a death: no victim of this shooting
    assert counts("Any time one of our players is hurt, the whole team feels it, the coach said.") == {}
    assert counts("Every time one of our neighbors is wounded, the block holds a vigil.") == {}


@pytest.mark.parametrize("sentence, expected", [
    # a clipped scanner-style line: the suspects are at large, the driver is the one shot
    ("Two suspects still at large, young driver shot through the car door near the ramp.", None),
    ("Two suspects were shot by deputies after the chase.", 2),
])
def test_suspects_before_another_subjects_bare_verb_are_not_the_wounded(sentence, expected):
    assert counts(sentence).get("injury") == expected
