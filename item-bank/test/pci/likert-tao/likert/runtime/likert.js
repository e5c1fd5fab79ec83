/*
 * A likert scale PCI (our own test fixture), written against the IMS PCI API as TAO packages it:
 * an AMD module that registers itself with qtiCustomInteractionContext. Response: one integer.
 */
define(['qtiCustomInteractionContext'], function (ctx) {
  'use strict';
  var pci = {
    typeIdentifier: 'likertScaleInteraction',
    getInstance: function (dom, config, state) {
      var props = config.properties || {};
      var levels = parseInt(props.level, 10) || 5;
      var selected = null;
      var bound = config.boundTo && config.boundTo[config.responseIdentifier];
      if (state) selected = JSON.parse(state).value;
      else if (bound && bound.base && typeof bound.base.integer === 'number') selected = bound.base.integer;
      var list = dom.querySelector('ul.likert');
      list.setAttribute('role', 'radiogroup');
      list.setAttribute('aria-label', (props['label-min'] || '') + ' – ' + (props['label-max'] || ''));
      for (var i = 1; i <= levels; i += 1) {
        var item = document.createElement('li');
        var label = document.createElement('label');
        var input = document.createElement('input');
        input.type = 'radio';
        input.name = 'likert';
        input.value = String(i);
        input.checked = selected === i;
        input.addEventListener('change', function (event) {
          selected = parseInt(event.target.value, 10);
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + i));
        item.appendChild(label);
        list.appendChild(item);
      }
      var instance = {
        getResponse: function () {
          return selected === null ? { base: null } : { base: { integer: selected } };
        },
        getState: function () {
          return JSON.stringify({ value: selected });
        },
        oncompleted: function () {},
      };
      config.onready(instance, state);
      return instance;
    },
  };
  ctx.register(pci);
});
