/**
 * Common English given names that the gazetteer also knows as places ("Mary" in Turkmenistan,
 * "Ben" in Switzerland, "Tyler", "Brent"). Followed by a capitalised word they open a
 * person's name ("Mary Wheeler", "Sam Houston State University"), not a place.
 *
 * @example GIVEN_NAMES.has('Mary') // true
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    'Aaron Adam Alan Albert Alex Alexander Alice Allen Amanda Amy Andrea Andrew Angela Ann Anna Anne Anthony Arthur Austin ' +
    'Barbara Ben Benjamin Beth Betty Bill Billy Bob Bobby Bonnie Brad Bradley Brandon Brenda Brent Brian Bruce Bryan ' +
    'Carl Carol Caroline Carolyn Catherine Charles Charlie Cheryl Chris Christina Christine Christopher Cindy Claire Craig Crystal Curtis Cynthia ' +
    'Dale Dan Daniel Danny Darren David Dean Deborah Debra Dennis Derek Diana Diane Donald Donna Doris Dorothy Doug Douglas Dylan ' +
    'Earl Ed Eddie Edward Elaine Eleanor Elizabeth Ellen Emily Emma Eric Erica Ernest Ethan Eugene Evelyn ' +
    'Frank Fred Frederick Gail Gary George Gerald Gloria Grace Greg Gregory Harold Harry Heather Helen Henry Howard ' +
    'Jack Jacob Jake James Jane Janet Janice Jason Jean Jeff Jeffrey Jennifer Jeremy Jerry Jesse Jessica Jill Jim Jimmy Joan Joe Joel John Johnny Jon Jonathan Jordan Jose Joseph Joshua Joyce Juan Judith Judy Julia Julie Justin ' +
    'Karen Kate Katherine Kathleen Kathy Keith Kelly Ken Kenneth Kevin Kim Kimberly Kyle Larry Laura Lauren Lawrence Lee Leslie Linda Lisa Logan Lori Louis Louise Lynn ' +
    'Marcus Margaret Maria Marie Marilyn Mark Martha Martin Mary Matt Matthew Megan Melissa Michael Michelle Mike Nadia Nancy Nathan Nicholas Nick Nicole Norma ' +
    'Pamela Pat Patricia Patrick Paul Paula Peggy Peter Phil Philip Phillip Rachel Ralph Randy Ray Raymond Rebecca Richard Rick Rob Robert Robin Roger Ronald Rose Roy Russell Ruth Ryan ' +
    'Sam Samuel Sandra Sara Sarah Scott Sean Sharon Shirley Stephanie Stephen Steve Steven Susan Tammy Teresa Terry Thomas Tim Timothy Tina Todd Tom Tony Tracy Travis Tyler ' +
    'Victor Vincent Walter Wayne Wendy William Willie Zachary'
  ).split(' '),
);
