"""The engine's own words for answers it cannot take, in every shipped language.

A flow may replace any of them per question (`messages:` in the flow file).
"""

from __future__ import annotations

from otguide.i18n import Text, pick

MESSAGES: dict[str, dict[str, str]] = {
    "required": {
        "en": "Please answer this question to go on.",
        "es": "Por favor conteste esta pregunta para seguir.",
    },
    "not_a_number": {
        "en": "Enter a whole number using digits, like 4.",
        "es": "Escriba un número entero con dígitos, como 4.",
    },
    "not_a_decimal": {
        "en": "Enter a number using digits, like 40 or 37.5.",
        "es": "Escriba un número con dígitos, como 40 o 37.5.",
    },
    "too_small": {
        "en": "The smallest answer allowed is {minimum}.",
        "es": "La respuesta más pequeña permitida es {minimum}.",
    },
    "too_large": {
        "en": "The largest answer allowed is {maximum}.",
        "es": "La respuesta más grande permitida es {maximum}.",
    },
    "money_format": {
        "en": "Enter the amount in dollars, like 52000 or $52,000.50.",
        "es": "Escriba la cantidad en dólares, como 52000 o $52,000.50.",
    },
    "money_negative": {
        "en": "The amount can't be below zero. If there was no income, enter 0.",
        "es": "La cantidad no puede ser menor que cero. Si no hubo ingresos, escriba 0.",
    },
    "money_commas": {
        "en": "Commas go between groups of three digits, like 52,000.",
        "es": "Las comas van entre grupos de tres dígitos, como 52,000.",
    },
    "money_dot_thousands": {
        "en": "Did you mean {grouped}? Write thousands with a comma, like {grouped}; a period starts the cents.",
        "es": "¿Quiso decir {grouped}? Escriba los miles con coma, como {grouped}; el punto indica los centavos.",
    },
    "money_cents": {
        "en": "Cents take two digits at most, like 52000.50.",
        "es": "Los centavos llevan dos dígitos como máximo, como 52000.50.",
    },
    "not_a_date": {
        "en": "Enter the date as month/day/year, like 05/14/2023, or as 2023-05-14.",
        "es": "Escriba la fecha como mes/día/año, por ejemplo 05/14/2023, o como 2023-05-14.",
    },
    "no_such_date": {
        "en": "That date does not exist. Check the month and the day.",
        "es": "Esa fecha no existe. Revise el mes y el día.",
    },
    "in_future": {
        "en": "That date is after today ({as_of}). Check the year.",
        "es": "Esa fecha es posterior a hoy ({as_of}). Revise el año.",
    },
    "too_old": {
        "en": "This guide covers people under {years}. Check the year of birth.",
        "es": "Esta guía es para personas menores de {years} años. Revise el año de nacimiento.",
    },
    "too_early": {
        "en": "That date is before {earliest}. Check the year.",
        "es": "Esa fecha es anterior a {earliest}. Revise el año.",
    },
    "not_a_choice": {
        "en": "Choose one of: {choices}.",
        "es": "Elija una de estas opciones: {choices}.",
    },
    "not_alone": {
        "en": "“{choice}” can't be chosen together with other answers.",
        "es": "“{choice}” no se puede elegir junto con otras respuestas.",
    },
    "not_yes_no": {
        "en": "Answer yes or no.",
        "es": "Conteste sí o no.",
    },
    "not_a_state": {
        "en": "Enter a US state or DC, by name or two-letter code, like CT or Connecticut.",
        "es": "Escriba un estado de EE. UU. o DC, por nombre o código de dos letras, como CT o Connecticut.",
    },
    "did_you_mean": {
        "en": "Did you mean {suggestion}?",
        "es": "¿Quiso decir {suggestion}?",
    },
    "no_guideline": {
        "en": (
            "This guide has no poverty guideline in force on {as_of}, so it cannot check "
            "Medicaid or CHIP income limits for that date. Ask the state Medicaid agency."
        ),
        "es": (
            "Esta guía no tiene una guía de pobreza vigente el {as_of}, así que no puede "
            "revisar los límites de ingresos de Medicaid o CHIP para esa fecha. Pregunte a "
            "la agencia de Medicaid del estado."
        ),
    },
    "stale_guideline": {
        "en": (
            "The newest poverty guideline in this guide is from {year}; the {as_of_year} "
            "figures may differ, so check every limit below with the program."
        ),
        "es": (
            "La guía de pobreza más reciente de esta guía es de {year}; las cifras de "
            "{as_of_year} pueden ser distintas, así que confirme cada límite con el programa."
        ),
    },
}


def message(key: str, language: str, override: Text | None = None, **values: object) -> str:
    template = (
        pick(override, language) if override else MESSAGES[key].get(language, MESSAGES[key]["en"])
    )
    return template.format(**values)
