"""Letters, e-mails, memos, minutes and step-by-step guides as people paste them, found by two
blind sets (sixty-ninth session): a header under the subject line, a memo's TO/FROM/RE lines, a
notice's "Posted by:", a signature block, numbered agenda items, "what next?" of a step."""
from __future__ import annotations

from qa.corpus import load_document
from qa.intent import author_request, date_request, recipient_request
from qa.segment import search_text, segment, signer
from qa.types import Document

from test_document_shapes import engine_over

MAIL = ("Moving the supplier review\n\n"
        "From: Ines Arkwright <i.arkwright@lanternmoor.example>\nTo: Paulo Ferrand <p.ferrand@lanternmoor.example>\n"
        "Cc: Greta Holm <g.holm@lanternmoor.example>\nDate: Tuesday, 11 June 2024 09:42\n"
        "Subject: Moving the supplier review\n\nHi Paulo,\n\n"
        "The supplier review has moved from 14 June to 21 June because the auditors are on site that week. "
        "The meeting room on the fourth floor is booked from 10:00 to 12:00.\n\n"
        "Thanks,\n\nInes\n\nInes Arkwright\nProcurement Lead\nLanternmoor Foods Ltd.\n"
        "Phone: 0161 555 0142\nMobile: 07700 900 518\n")
MEMO = ("Revised Parking Rules from 1 October\n\nMEMORANDUM\n\nTO: All Staff, Brackwater Clinic\n"
        "FROM: Odile Renshaw, Practice Manager\nDATE: 2 September 2024\nRE: Revised parking rules\n\n"
        "From 1 October the rear car park is reserved for patients with mobility needs. "
        "Staff should use the Mill Lane car park, where permits cost £12 a month.\n")
NOTICE = ("Farewell to Anselm Crewe after 28 years\n\nPosted by: Rhoda Vantreight, Chief Executive\n"
          "Date: 2 September 2024\n\nDear colleagues,\n\n"
          "Anselm Crewe retires at the end of this month after 28 years in our laboratory.\n")
THREAD = ("Re: Team lunch\n\nFrom: Kasia Orme <k.orme@tollgate.example>\nTo: Dev Raman <d.raman@tollgate.example>\n"
          "Subject: Re: Team lunch\n\nHi Dev,\n\nFriday works for me.\n\nCheers,\nKasia\n\n"
          "On 3 May 2024, Dev Raman wrote:\n\n> Hi Kasia,\n>\n> Shall we book the team lunch for Friday?\n>\n"
          "> Thanks,\n> Dev\n>\n> Dev Raman\n> Office Coordinator\n> Tel: 020 7946 0388\n")
MINUTES = ("Minutes of the Grounds Committee, 9 April 2024\n\n"
           "1. Minutes of the previous meeting\nThe minutes of the March meeting were approved.\n\n"
           "2. Car park resurfacing\nThe contractor confirmed the resurfacing will run from 6 May to 17 May. "
           "Staff will use the overflow site on Kettle Road.\n\n"
           "3. Kitchen refurbishment\nDecision: deferred to the June meeting pending a second quote.\n")
GUIDE = ("Setting up the Aria humidifier\n\nSetup\n\n"
         "1. Place the base on a flat surface at least 30 cm from walls.\n"
         "2. Fill the tank with cold tap water up to the MAX line.\n"
         "3. Lower the tank onto the base until it clicks into place.\n"
         "4. Plug in the adapter and press the power button.\n\n"
         "The studio is a 25-minute walk from Tilbeck station.\n")

WALK = ("Three days on the Saltmarsh Coast\n\nDay 1 - Friday: Pell Harbour to Saltby (12 km)\n"
        "10:00 Meet at the Harbourmaster's Kiosk, Pell Harbour quay\n10:30 Safety briefing and introductions\n"
        "11:00 Walk along the sea wall to Gull Point\n13:00 Picnic lunch at Gull Point lighthouse\n\n"
        "Groups are limited to 12 walkers and led by a qualified mountain leader.\n")


def test_an_e_mail_pasted_under_its_subject_line_keeps_its_header(tmp_path):
    """With the subject line pasted above the header, "From:" and "To:" were sentences (fact-sheet
    lines about the subject): "who sent this email" was refused (0.10), and "what date is on this"
    too."""
    (tmp_path / "m.txt").write_text(MAIL, encoding="utf-8")
    doc = load_document(tmp_path / "m.txt")
    sents = segment(doc)
    assert [s.kind for s in sents[:6]] == ["meta"] * 5 + ["text"] and sents[5].text == "Hi Paulo,"
    assert (doc.title, doc.date) == ("Moving the supplier review", "2024-06-11")  # the date line in words
    engine = engine_over(tmp_path / "e", **{"review.txt": MAIL})
    sender = engine.ask("who sent this email")
    assert sender.answerable and sender.citations[0].sentence.startswith("From: Ines Arkwright")
    assert sender.answer.startswith("The e-mail is from Ines Arkwright")
    letter = MAIL[MAIL.index("Hi Paulo"):]  # no header: the name it is signed with
    signed = engine_over(tmp_path / "letter", **{"letter.txt": letter}).ask("who sent this letter?")
    assert signed.answerable and signed.citations[0].sentence == "Ines Arkwright"
    to = engine.ask("Who is the email addressed to?")
    assert to.answerable and to.citations[0].sentence.startswith("To: Paulo Ferrand")
    cc = engine.ask("who's been copied in on this?")
    assert cc.answerable and cc.citations[0].sentence.startswith("Cc: Greta Holm")


def test_a_memos_header_is_its_metadata(tmp_path):
    """A memo's TO / FROM / DATE / RE lines under "MEMORANDUM" and its title: "who wrote the memo?"
    was refused (0.04), "Who is the memo addressed to?" too (0.02)."""
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    doc = load_document(tmp_path / "memo.txt")
    assert doc.title == "Revised Parking Rules from 1 October" and doc.date == "2024-09-02"
    sents = segment(doc)
    assert [s.kind for s in sents[:5]] == ["meta"] * 4 + ["text"]
    assert search_text(sents[3], doc) == "The e-mail's subject (title) is Revised parking rules."  # RE: is the subject
    engine = engine_over(tmp_path / "e", **{"parking.txt": MEMO})
    author = engine.ask("who wrote the memo?")
    assert author.answerable and author.citations[0].sentence == "FROM: Odile Renshaw, Practice Manager"
    assert author.answer == "The memo is from Odile Renshaw, Practice Manager. [1]"
    to = engine.ask("Who is the memo addressed to?")
    assert to.citations[0].sentence == "TO: All Staff, Brackwater Clinic"
    assert engine.ask("what date is on this memo").citations[0].sentence == "DATE: 2 September 2024"


def test_a_notice_posted_by_someone_names_its_author(tmp_path):
    """ "Posted by: Rhoda Vantreight, Chief Executive" under a notice's title was a fact-sheet line,
    and "who posted this announcement" was refused (0.07)."""
    engine = engine_over(tmp_path, **{"farewell.txt": NOTICE})
    ans = engine.ask("who posted this announcement")
    assert ans.answerable and ans.citations[0].sentence == "Posted by: Rhoda Vantreight, Chief Executive"
    assert engine.ask("when was this posted").citations[0].sentence == "Date: 2 September 2024"


def test_the_words_that_ask_for_a_letters_header():
    assert recipient_request("Who is the memo addressed to?") == "to"
    assert recipient_request("who was this email sent to") == "to"
    assert recipient_request("who's cc'd on this") == "cc"
    assert recipient_request("Who's been copied in on this thread?") == "cc"
    assert recipient_request("Who was the prize sent to?") is None  # a thing the text tells of
    assert recipient_request("who is it for") is None  # in a conversation, "it" may be a product
    assert author_request("who posted this announcement") and author_request("who wrote the memo?")
    assert not author_request("who sent the report")  # a report the text tells of
    assert date_request("what date is on this memo") and date_request("what date was this notice sent?")


def test_the_same_asked_in_spanish_and_chinese(tmp_path):
    """ "¿Quién envió este correo?" cited a sentence of the body (0.68), "这封邮件是发给谁的？" the
    greeting "Hi Marcus," (0.89): only English questions read an e-mail's header."""
    assert author_request("¿Quién envió este correo?") and author_request("这封邮件是谁发的？")
    assert author_request("¿Quién escribió el artículo?") and author_request("这篇文章的作者是谁？")
    assert not author_request("¿Quién ganó el partido?") and not author_request("谁发布了新产品？")
    assert recipient_request("¿A quién va dirigido el correo?") == "to" and recipient_request("收件人是谁？") == "to"
    assert recipient_request("¿Quién está en copia?") == "cc" and recipient_request("抄送给了谁？") == "cc"
    assert date_request("¿Cuándo se envió el correo?") and date_request("这封邮件是什么时候发的？")
    engine = engine_over(tmp_path, **{"review.txt": MAIL})
    for question, line in (("¿Quién envió este correo?", "From: Ines Arkwright"), ("这封邮件是发给谁的？", "To: Paulo Ferrand"),
                           ("¿Quién está en copia?", "Cc: Greta Holm"), ("这封邮件是什么时候发的？", "Date: Tuesday, 11 June 2024")):
        ans = engine.ask(question)
        assert ans.answerable and ans.citations[0].sentence.startswith(line), question


def test_a_signature_blocks_lines_belong_to_the_signer(tmp_path):
    """A signature's "Tel: 020 7946 0388" said nothing of whose it was: "what's dev's phone number"
    cited the sign-off line "Dev"; "Phone:" and "Mobile:" under a name were read as a fact
    sheet's lines about the e-mail's subject."""
    doc = Document("t", "Re: Team lunch", THREAD)
    by_text = {s.text: s for s in segment(doc)}
    assert signer(by_text["Tel: 020 7946 0388"], doc) == "Dev Raman"  # in the quoted message, after "Thanks, Dev"
    assert search_text(by_text["Tel: 020 7946 0388"], doc) == "Dev Raman: Tel: 020 7946 0388"
    assert search_text(by_text["Dev Raman"], doc) == "Signed by Dev Raman."
    assert search_text(by_text["Office Coordinator"], doc) == "Dev Raman: Office Coordinator (job title)"
    assert signer(by_text["Friday works for me."], doc) == "" and signer(by_text["Dev"], doc) == ""  # the sign-off
    mail = Document("m", "Moving the supplier review", MAIL)
    mobile = next(s for s in segment(mail) if s.text.startswith("Mobile:"))
    assert search_text(mobile, mail) == "Ines Arkwright: Mobile: 07700 900 518"
    engine = engine_over(tmp_path, **{"lunch.txt": THREAD, "review.txt": MAIL})
    assert engine.ask("what's dev's phone number", doc="lunch").citations[0].sentence == "Tel: 020 7946 0388"
    assert engine.ask("whats ines's mobile number", doc="review").citations[0].sentence == "Mobile: 07700 900 518"
    assert engine.ask("What's Ines's job title?", doc="review").citations[0].sentence == "Procurement Lead"
    company = next(s for s in segment(mail) if s.text == "Lanternmoor Foods Ltd.")
    assert search_text(company, mail) == "Ines Arkwright: Lanternmoor Foods Ltd."  # no job


def test_a_numbered_agenda_items_title_heads_its_paragraph(tmp_path):
    """Minutes number each item's title over its paragraph: "when's the car park being resurfaced"
    cited "Car park resurfacing", the title; a numbered list's steps, one under another, stay
    sentences (`segment.numbered_title`)."""
    sents = segment(Document("min", "Minutes", MINUTES))
    texts = [s.text for s in sents]
    assert "Car park resurfacing" not in texts and "2. Car park resurfacing" not in texts
    by_text = {s.text: s.section for s in sents}
    assert by_text["Staff will use the overflow site on Kettle Road."] == "2. Car park resurfacing"
    steps = [s.text for s in segment(Document("g", "Aria", GUIDE))]
    assert "Fill the tank with cold tap water up to the MAX line." in steps and len(steps) == 5
    engine = engine_over(tmp_path, **{"minutes.txt": MINUTES})
    ans = engine.ask("when's the car park being resurfaced")
    assert ans.answerable and "6 May to 17 May" in ans.citations[0].sentence


def test_what_next_after_a_step_is_the_step_after_it(tmp_path):
    """ "ok i've filled the tank, what next" cited the filling step itself, which the question
    describes; the step numbered after it answers."""
    engine = engine_over(tmp_path, **{"aria.txt": GUIDE})
    ans = engine.ask("ok i've filled the tank with water, what next")
    assert ans.citations[0].sentence == "Lower the tank onto the base until it clicks into place."
    ans = engine.ask("what do I do after the tank clicks into place?")
    assert ans.citations[0].sentence == "Plug in the adapter and press the power button."
    ans = engine.ask("How full should I fill the tank?")  # no "next": the step itself
    assert ans.citations[0].sentence == "Fill the tank with cold tap water up to the MAX line."
    engine = engine_over(tmp_path / "walk", **{"walk.txt": WALK})
    ans = engine.ask("what happens after the safety briefing on day one")
    assert ans.citations[0].sentence == "11:00 Walk along the sea wall to Gull Point"


def test_how_far_is_answered_by_a_travel_time(tmp_path):
    """ "how far is it from the station" was refused as a length the text never gives (0.07),
    though "a 25-minute walk" answers it; a text giving neither is still refused."""
    engine = engine_over(tmp_path, **{"aria.txt": GUIDE, "memo.txt": MEMO})
    ans = engine.ask("how far is it from the station", doc="aria")
    assert ans.answerable and ans.citations[0].sentence == "The studio is a 25-minute walk from Tilbeck station."
    assert not engine.ask("how far is the Mill Lane car park from the clinic?", doc="memo").answerable


REPLY = ("Re: Offsite venue\n\nFrom: Tomas Hale <t.hale@kestrel.example>\nTo: Bea Lund <b.lund@kestrel.example>\n"
         "Subject: Re: Offsite venue\n\nHi Bea,\n\n"
         "I checked with Fernhollow Lodge and they can still do the 20th for the day, but their price for the "
         "day-only package is £68 per head rather than the £95 you were quoted, because there's no evening dinner. "
         "Please don't bring packed lunches, since lunch is included after all.\n\nCheers,\nTomas\n\n"
         "On 3 May 2024, Bea Lund wrote:\n\n> Hi Tomas,\n>\n"
         "> I'd suggest Fernhollow Lodge near Ashby Vale. They can host 24 of us, and the quote is £95 per head, "
         "which includes lunch, the evening dinner and one night's accommodation. "
         "Lunch isn't included, so please bring a packed lunch.\n>\n> The budget Ogechi approved is £2,500.\n")


def test_a_reply_answers_before_the_message_it_quotes(tmp_path):
    """A reply corrects what it quotes: "how much per person is the venue going to cost" cited
    the quoted "£95 per head" over the reply's "£68 per head", the same words either way."""
    engine = engine_over(tmp_path, **{"venue.txt": REPLY})
    assert "£68 per head" in engine.ask("how much per person is the venue going to cost").citations[0].sentence
    assert engine.ask("do we need to bring a packed lunch").citations[0].sentence.startswith("Please don't bring")
    # only the quoted message says it: the quoted sentence stays first
    assert engine.ask("what budget was approved").citations[0].sentence == "The budget Ogechi approved is £2,500."
