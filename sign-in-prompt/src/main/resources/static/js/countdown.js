// The locked page: counts down to the end of the lock in the viewer's own time. Without
// JavaScript the server's sentence stays.
(function () {
  var line = document.getElementById('countdown');
  if (!line) { return; }
  var until = Date.parse(line.getAttribute('data-until'));
  if (isNaN(until)) { return; }
  var at = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  function tick() {
    var left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      line.textContent = 'You can try again now.';
      return;
    }
    var minutes = Math.floor(left / 60);
    var seconds = left % 60;
    line.textContent = 'You can try again in ' + minutes + ':' + (seconds < 10 ? '0' : '') +
      seconds + ' (at ' + at + ').';
    setTimeout(tick, 1000);
  }
  tick();
})();
