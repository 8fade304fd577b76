// The SPARQL editor of `kg serve`: the bundled YASGUI, pointed at this server's endpoint.
// Nothing is fetched from elsewhere: no endpoint catalogue, no remote prefix or
// vocabulary look-ups, tabs not kept between visits.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("yasgui");
  const Yasgui = window.Yasgui.default || window.Yasgui;
  const endpoint = new URL("/sparql", window.location.href).href;
  const yasgui = new Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
    yasqe: { autocompleters: ["variables", "prefixes"], prefixCcApi: "" },
  });
  const tab = yasgui.getTab();
  if (element.dataset.query) {
    tab.setQuery(element.dataset.query);
  }
  window.kgEditor = yasgui;
});
