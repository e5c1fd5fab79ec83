/* eslint-disable no-undef -- runs in the grader sandbox, which provides module, require, input, console, describe, test, expect */
function fib(n) {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
module.exports = { fib };
