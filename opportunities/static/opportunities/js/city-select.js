/* Progressive enhancement of the volunteer profile form: the city list shows only the chosen
   province's cities, and choosing a city first fills in its province. Without JavaScript every
   city is listed under its province's <optgroup> and the server checks that the two match. */
(function () {
    "use strict";

    function init() {
        var province = document.querySelector("[data-province-select]");
        var city = document.querySelector("[data-city-select]");
        if (!province || !city) {
            return;
        }

        function chosenProvinceName() {
            return province.value ? province.options[province.selectedIndex].text : "";
        }

        function showCitiesOfProvince() {
            var chosen = chosenProvinceName();
            Array.prototype.forEach.call(city.querySelectorAll("optgroup"), function (group) {
                var elsewhere = chosen !== "" && group.label !== chosen;
                group.hidden = elsewhere;
                group.disabled = elsewhere;
            });
            var selected = city.options[city.selectedIndex];
            if (selected && selected.parentElement.disabled) {
                city.value = "";
            }
        }

        function fillProvinceOfCity() {
            var selected = city.options[city.selectedIndex];
            if (province.value || !selected || !city.value) {
                return;
            }
            var label = selected.parentElement.label;
            Array.prototype.forEach.call(province.options, function (option) {
                if (option.text === label) {
                    province.value = option.value;
                }
            });
            showCitiesOfProvince();
        }

        province.addEventListener("change", showCitiesOfProvince);
        city.addEventListener("change", fillProvinceOfCity);
        showCitiesOfProvince();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
