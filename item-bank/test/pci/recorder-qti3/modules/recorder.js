/*
 * An audio-recording PCI (our own QTI 3 fixture), for the speaking tasks of language tests. The
 * PCI runs in a sandboxed frame with an opaque origin, where the browser gives no microphone; it
 * asks the exam page to record for it through the engine's `examEngineRecording` module (the page
 * asks the candidate's consent and shows that it is recording). The response is the recording as
 * a QTI file value; the state says how long it is. Properties come from data-*.
 */
define('audioRecorder', ['qtiCustomInteractionContext', 'examEngineRecording'], function (ctx, recording) {
  'use strict';

  function fromBase64(data, mime) {
    var text = atob(data);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    return new Blob([bytes], { type: mime });
  }

  var pci = {
    typeIdentifier: 'urn:exam-engine:pci:audio-recorder',
    getInstance: function (dom, config, state) {
      var props = config.properties || {};
      var maxSeconds = parseInt(props.maxSeconds, 10) || 15;
      var saved = state ? JSON.parse(state) : {};
      var bound = config.boundTo && config.boundTo[config.responseIdentifier];
      var file = bound && bound.base && bound.base.file ? bound.base.file : null;
      var seconds = saved.seconds || 0;
      // idle, waiting (the page is asking the candidate), recording
      var phase = 'idle';
      var note = '';
      var status = dom.querySelector('.status');
      var playback = dom.querySelector('.playback');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'record';
      dom.querySelector('.recorder').insertBefore(button, status);

      function show() {
        button.textContent =
          phase === 'recording' ? props.stopLabel || 'Stop' : props.recordLabel || 'Record';
        button.disabled = phase === 'waiting';
        status.textContent =
          phase === 'recording'
            ? props.recordingLabel || '…'
            : note || (file ? (props.recordedLabel || 'Recorded') + ' (' + seconds + ' s)' : '');
        if (file && phase === 'idle') playback.src = URL.createObjectURL(fromBase64(file.data, file.mime));
      }

      function record() {
        phase = 'waiting';
        note = '';
        show();
        recording.start(
          { maxSeconds: maxSeconds, bitsPerSecond: parseInt(props.audioBitsPerSecond, 10) || 16000 },
          {
            started: function () {
              phase = 'recording';
              show();
            },
            refused: function (reason) {
              phase = 'idle';
              note = reason === 'consent' ? props.refusedLabel || 'Not recorded' : reason;
              show();
            },
            failed: function (reason) {
              phase = 'idle';
              note = reason;
              show();
            },
            done: function (recorded, length) {
              file = recorded;
              seconds = length;
              phase = 'idle';
              note = '';
              show();
              config.oncompleted(instance, instance.getState());
            },
          },
        );
      }

      button.addEventListener('click', function () {
        if (phase === 'recording') recording.stop();
        else if (phase === 'idle') record();
      });

      var instance = {
        getResponse: function () {
          return file ? { base: { file: file } } : { base: null };
        },
        getState: function () {
          return JSON.stringify({ seconds: seconds, recorded: Boolean(file) });
        },
        oncompleted: function () {
          if (phase === 'recording') recording.stop();
        },
      };
      show();
      config.onready(instance, state);
      return instance;
    },
  };
  ctx.register(pci);
});
