"""Short, frequent chat words that belong to one of the Latin-script languages.

langdetect needs more text than a phone message has; these words settle
"gracias", "ich bin" or "unde e politia" where its n-grams cannot. A word is
listed only where it is not an ordinary word of another of the 15 languages.
"""

WORDS = {
    "en": """the and you what where how are my i'm im can please pls thanks thank want need
        have don't dont with about get this that he she they does will would should there
        here yes know your who why when hello anyone someone something i've ive got any
        stopped arrested help took money passport visa boss safe tested doctor""",
    "es": """el los las que qué por estoy tengo necesito ayuda policía cómo dónde donde hola
        gracias puedo quiero sí pero papeles también ahora muy hay soy eres usted del este
        esta mis ayúdame ayudame buenas vale bueno algo nada cuando pasa denunciar médico
        medico estoy trabajo puta putas cliente clientes dinero ella hacer tienes y ya
        qué puedes sin mío necesitas hablar quiere""",
    "pt": """não nao você voce vc obrigado obrigada olá estou tenho preciso ajuda polícia
        meu minha é são posso quero sim tudo bem oi muito agora isso também tá fazer
        documentos aqui uma em dinheiro onde trabalhar cliente moça falar tô aí ai então
        ele ela meus minhas coisa pra""",
    "it": """il che non sono ho ciao grazie aiuto polizia dove posso voglio mio è di per
        lavoro anche adesso ora molto questo perché perche cosa buongiorno documenti
        permesso dei della nel gli mi sei sta posso lavorare aiutami qualcuno soldi
        cliente clienti devo c'è ce cè""",
    "fr": """je suis le les des est pas une et bonjour merci aide aider où comment j'ai jai
        moi mon avec pour travail papiers veux peux c'est cest oui très maintenant droits
        quoi vous tu au aux du ça ca suis besoin police flics argent quelqu'un j'ai
        travaille m'aider mes""",
    "de": """ich bin nicht und der die das ist hallo danke hilfe polizei wo wie was mein meine
        habe kann will brauche arbeit papiere ja nein bitte mit für fur auf ein eine jetzt
        sehr gibt sind mir mich guten tag keine kein geld arbeite hier du sie wir""",
    "ro": """sunt nu și este am bună buna mulțumesc multumesc mersi ajutor poliția politia
        unde cum vreau pot meu mea cu pentru acte muncă munca acum foarte ce mă poate
        nevoie ziua să sa lucrez care asta aici bani ajută ajuta am nevoie îmi imi ești
        esti""",
    "hu": """én vagyok nem igen és szia köszönöm koszonom segítség segitseg rendőrség
        rendorseg rendőrök hol hogyan mit akarok tudok kell munka papírok van nincs most
        nagyon egy az hogy vagy szeretnék szeretnek jó napot kérem kerem ez itt pénz
        dolgozom segíts segits mi""",
    "pl": """jestem nie tak się sie dzień dzien dobry dziękuję dziekuje pomoc policja gdzie
        jak chcę chce mogę moge mój moj moja mam potrzebuję potrzebuje praca pracy czy
        teraz bardzo cześć czesc prosze proszę jest mnie mi pieniądze pomocy pracuję
        pracuje możesz mozesz""",
    "sq": """unë jam nuk dhe përshëndetje pershendetje faleminderit ndihmë ndihme ku
        çfarë cfare dua mund kam punë pune letra tani shumë shume është eshte mirë mire
        të një nje për nga tungjatjeta mirëdita miredita ju jo policinë policine
        para më ndihmo""",
}

# Words every language uses in chat: alone, they say nothing about the language.
UNIVERSAL = {"ok", "okay", "hi", "hey", "bye", "lol", "sms", "taxi", "sos", "hotel", "super",
             "pizza", "yes", "no", "si", "sí", "da", "ja", "nu", "ne", "help", "hello", "thx",
             "thanks", "merci", "ciao", "pls", "please", "info", "menu", "start", "stop"}
