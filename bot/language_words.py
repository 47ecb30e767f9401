"""Short, frequent chat words that belong to one of the Latin-script languages.

langdetect needs more text than a phone message has; these words settle
"gracias", "ich bin" or "unde e politia" where its n-grams cannot. A word is
listed only where it is not an ordinary word of another of the 15 languages.
"""

WORDS = {
    "en": """i'm you're it's can't don't won't didn't isn't of to in for on at from by be been was
        were had has do did not but or if so just only also very really much many more some
        all no one two three day days night today tomorrow yesterday now time work working job
        money pay paid free open where's what's how's mean scared afraid worried tired sorry
        ask question answer message phone number someone anyone nobody friend client clients
        boss police doctor hospital clinic papers documents visa passport country city live
        living stay leave quit want wanna gonna gotta u r ur pls plz thx the and you what
        where how are my im can please thanks thank need have dont with about get this that he
        she they does will would should there here yes know your who why when hello something
        i've ive got any stopped arrested help took safe tested""",
    "es": """de la que el en y a los se del las un por con no una su para es al lo como más pero
        sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde
        quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto
        mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada
        muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas
        nosotras vosotros os mío mía tuyo tuya suyo suya nuestro estoy estás está estamos
        están esté estaba gratis chicas queda sirve contestame porfa gracias grasias vivo
        cuatro bateria batería hoy mañana ayer noche semana dinero trabajo pueden puede puedo
        necesito quiero tengo tienes tiene hacer hablar saber decir ir ver dar llamar pagar
        ayuda policía cómo dónde hola papeles ahora soy eres usted ayúdame ayudame buenas vale
        bueno pasa denunciar médico medico puta putas cliente clientes puedes necesitas quiere""",
    "pt": """de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi
        ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até
        isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você
        tinha foram essa num nem suas meu às minha têm numa pelos elas havia seja qual será
        nós tenho lhe deles essas esses pelas este fosse dele tu te vocês vos lhes meus minhas
        teu tua teus tuas nosso nossa nossos nossas dela delas esta estes estas aquele aquela
        aqueles aquelas isto aquilo estou estamos pode posso podes ajudar obrigado obrigada
        acontecendo significa simpática horas abre trabalho três dias semana hoje amanhã ontem
        noite dinheiro preciso quero fazer falar saber dizer ir ver dar ligar pagar agora aqui
        onde nao voce vc olá ajuda polícia são sim tudo bem oi tá documentos trabalhar cliente
        moça tô aí ai então coisa pra""",
    "it": """di e il la che è per un in non una sono mi si ho lo ma ti ha le con cosa questo bene
        io del no se sei ci da come hai al mio più della c'è qui alla ne tu anche gli ora me
        sta fare nel dei questa molto quando solo tutto chi lei lui noi voi loro quello quella
        mia tuo tua suo sua nostro vostro dove perché oggi domani ieri notte settimana soldi
        lavoro posso puoi può voglio devo serve medico questura quanto costa ancora domanda
        esame gratis grazie prego buonasera buonanotte scusa aiuto aiutami chiamare pagare
        parlare sapere dire andare vedere dare ciao polizia adesso perche buongiorno documenti
        permesso lavorare qualcuno cliente clienti ce cè""",
    "fr": """de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il
        sont avec ils ou mais nous vous je tu elle on leur y lui été être avoir fait faire
        comme tout bien aussi très peut sans même autre encore déjà où quand comment pourquoi
        combien ici là moi toi mon ma mes ton ta tes son sa ses notre votre nos vos leurs
        c'est j'ai j'attends attends réponse personne deux clients hier soir aujourd'hui
        demain nuit semaine argent travail peux veux dois besoin aide aider merci bonjour
        bonsoir salut oui non d'accord gratuit médecin police flic papiers titre séjour suis
        jai cest maintenant droits quoi aux ça ca flics quelqu'un travaille m'aider""",
    "de": """der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch
        es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über
        einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei hier
        ich du wir ihr mich dich mir dir uns euch mein dein unser euer kein keine was wer wo
        wann warum viel heute morgen gestern nacht woche geld arbeit kann kannst muss will
        brauche hilfe danke bitte hallo tschüss ja nein gut bist da bin habe hab gibt's gibt
        kostenlos arzt polizei papiere meine fur jetzt sehr guten tag arbeite""",
    "ro": """de la în și a cu nu se pe din că o ce un mai care este sunt fost pentru ca lui au am
        al ei sau le dar ne îi își fi cum după acest aceasta acum foarte când unde cine mult
        puțin azi mâine ieri noapte săptămână bani muncă lucru pot poți poate vreau trebuie
        ajutor mulțumesc mersi bună salut da deschis duminică duminica chiar anonim ora opt
        gratis doctor medic poliție acte pașaport eu tu el ea noi voi ele meu mea tău ta său
        sa nostru vostru buna multumesc poliția politia munca mă nevoie ziua să lucrez asta
        aici ajută ajuta îmi imi ești esti""",
    "hu": """a az és hogy nem is egy van de meg csak már ez el ki mi be fel le még ha mert vagy
        volt lesz minden sok kell itt ott most ma holnap tegnap éjjel hét pénz munka dolgozom
        tudok tudsz akarok szeretnék segítség segíts köszönöm kösz köszi szia helló igen
        rendben jó este írok irok írj orvos rendőrség papírok útlevél ingyen hol mikor miért
        hogyan mennyi én te ő ti ők enyém tiéd vagyok koszonom segitseg rendorseg rendőrök mit
        nincs nagyon szeretnek napot kérem kerem segits""",
    "pl": """i w nie na się z do to że jest jak co ale tak po o od za dla czy już jestem jesteś są
        był była być mieć mam masz ma mój moja moje twój twoja jego jej nasz wasz ich ten ta
        te tego tej tu tam teraz dziś jutro wczoraj noc tydzień pieniądze praca pracuję mogę
        możesz chcę muszę pomoc pomóż dziękuję dzięki cześć dobrze lekarz policja dokumenty
        paszport darmowe gdzie kiedy dlaczego ile kosztuje sorki źle zle napisałam napisalam
        mieszkam pięciu pieciu lat jakie sa potrzebne sie dzień dzien dobry dziekuje chce moge
        moj potrzebuję potrzebuje pracy bardzo czesc prosze proszę mnie mi pomocy pracuje
        mozesz""",
    "sq": """të e në dhe një për me që nga është jam je ka kam kemi keni kanë nuk po jo si ku kur
        pse sa çfarë cfare ky kjo këto ato unë ti ai ajo ne ju ata im ime yt jote i saj ynë
        juaj tani sot nesër dje natë javë para punë punoj mund dua duhet ndihmë ndihmo
        faleminderit rrofsh tungjatjeta përshëndetje mirë mire mjek polici letra pasaportë
        falas akoma aty kushton zgjat paguaj ç'kemi pershendetje ndihme pune shumë shume eshte
        nje mirëdita miredita policinë policine më""",
}

# Words every language uses in chat: alone, they say nothing about the language.
UNIVERSAL = {"ok", "okay", "hi", "hey", "bye", "lol", "sms", "taxi", "sos", "hotel", "super",
             "pizza", "yes", "no", "si", "sí", "da", "ja", "nu", "ne", "help", "hello", "thx",
             "thanks", "merci", "ciao", "pls", "please", "info", "menu", "start", "stop"}
