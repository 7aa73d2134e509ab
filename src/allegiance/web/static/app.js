// Small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Filter selects apply themselves when changed.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
  // A statement highlighted in the article text marks its row in the table below.
  document.querySelectorAll(".text a.st").forEach(function (link) {
    link.addEventListener("click", function () {
      document.querySelectorAll("tr.target").forEach(function (row) { row.classList.remove("target"); });
      var row = document.getElementById(link.getAttribute("href").slice(1));
      if (row) { row.classList.add("target"); }
    });
  });
});
