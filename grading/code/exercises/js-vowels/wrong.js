/* eslint-disable no-undef -- runs in the grader sandbox, which provides module, require, input, console, describe, test, expect */
function countVowels(s) {
  return [...s].filter((c) => 'aeiou'.includes(c)).length;
}
module.exports = { countVowels };
const line = input();
if (line !== null) console.log(countVowels(line));
