"""Documents that sit on publication pages but are not further reports:
easy read versions, Welsh versions, PCC responses, data tables, annexes."""
from __future__ import annotations

from .blocks import L, P, Section, T


def divert_easy_read():
    return [
        Section("about", "About this report", [
            P("This is an easy read version of our report about diverting children."),
            P("Diverting means helping a child who has got into trouble with the police without "
              "sending them to court."),
        ]),
        Section("what", "What we did", [
            P("We looked at how police and youth justice workers help children in 6 areas."),
            P("We talked to 38 children and 21 parents and carers."),
        ]),
        Section("found", "What we found", [
            L(["Many workers are kind and listen to children.",
               "Some children wait a long time to find out what will happen.",
               "Black children and children of mixed heritage are less likely to be helped in this way.",
               "Nobody knows how many children are helped each year."]),
        ]),
        Section("next", "What we want to happen", [
            P("We have asked the government, the police and other services to make changes."),
            P("We want every child to get the same help wherever they live."),
            P("We want the police to tell youth justice workers about children quickly."),
        ]),
    ]


def divert_children_summary():
    return [
        Section("hello", "A summary for children and young people", [
            P("We are inspectors. Our job is to check how well the police and youth justice services "
              "do their work."),
            P("We wanted to find out what happens when a child gets into trouble with the police and "
              "is given a chance to put things right without going to court."),
            P("Most of the children we spoke to said their worker listened to them. Some said they "
              "did not understand what would happen next. We have asked services to explain things "
              "better."),
            P("Thank you to everyone who talked to us."),
        ]),
    ]


def dyfed_welsh():
    return [
        Section("crynodeb", "Crynodeb", [
            P("Rhwng mis Hydref a mis Tachwedd 2024, fe wnaethom arolygu pa mor dda y mae Heddlu "
              "Dyfed-Powys yn amddiffyn plant."),
            P("Rydym wedi nodi un achos pryder, gyda dau argymhelliad, a phedwar maes i\u2019w wella."),
        ]),
        Section("achos", "Achos pryder", [
            P("Nid yw\u2019r heddlu\u2019n asesu ac yn rheoli\u2019r risg i blant sy\u2019n mynd ar goll o\u2019u cartref "
              "neu o ofal yn ddigonol."),
            P("Argymhelliad 1: O fewn tri mis, dylai Heddlu Dyfed-Powys sicrhau bod pob adroddiad am "
              "blentyn coll yn cael ei asesu gan oruchwyliwr hyfforddedig."),
            P("Argymhelliad 2: O fewn chwe mis, dylai\u2019r prif gwnstabl sicrhau bod cyfweliadau dychwelyd "
              "adref yn cael eu gofyn ar gyfer pob plentyn a ddarganfyddir ar \u00f4l mynd ar goll."),
        ]),
        Section("meysydd", "Meysydd i\u2019w gwella", [
            L(["Dylai\u2019r heddlu wella sut mae\u2019n cofnodi llais y plentyn yn ei atgyfeiriadau diogelu.",
               "Dylai\u2019r heddlu sicrhau ei fod yn cynnal trafodaethau strategaeth gyda gwasanaethau "
               "cymdeithasol plant yn brydlon.",
               "Dylai\u2019r heddlu leihau\u2019r amser y mae\u2019n ei gymryd i roi gwybod i ysgolion am "
               "ddigwyddiadau cam-drin domestig drwy Ymgyrch Encompass.",
               "Dylai\u2019r heddlu sicrhau bod plant sy\u2019n cael eu cadw yn y ddalfa yn cael cefnogaeth "
               "oedolyn priodol yn ddi-oed."], ordered=True),
        ]),
    ]


def gwent_welsh():
    return [
        Section("crynodeb", "Sylwadau Arolygydd EF", [
            P("Mae Heddlu Gwent wedi gwneud cynnydd ers ein harolygiad diwethaf. Mae gan ei arweinwyr "
              "ddealltwriaeth dda o\u2019r galw ar yr heddlu."),
            P("Ond mae angen i\u2019r heddlu wella sut mae\u2019n ymateb i\u2019r cyhoedd. Nid yw gormod o "
              "alwadau nad ydynt yn rhai brys yn cael eu hateb."),
        ]),
        Section("meysydd", "Meysydd i\u2019w gwella", [
            L(["Dylai\u2019r heddlu sicrhau ei fod yn ateb galwadau nad ydynt yn rhai brys yn brydlon.",
               "Dylai\u2019r heddlu sicrhau bod ymchwiliadau\u2019n cael eu goruchwylio\u2019n effeithiol.",
               "Dylai\u2019r heddlu sicrhau ei fod yn cynnal asesiad o anghenion pob dioddefwr.",
               "Dylai\u2019r heddlu sicrhau ei fod yn gwneud cais am orchymyn amddiffyn rhag cam-drin "
               "domestig ym mhob achos priodol.",
               "Dylai\u2019r heddlu sicrhau ei fod yn cwblhau asesiadau risg troseddwyr rhyw cofrestredig "
               "mewn pryd.",
               "Dylai\u2019r heddlu sicrhau bod gan swyddogion a staff yn ei dimau amddiffyn y cyhoedd "
               "lwythi gwaith y gellir eu rheoli."]),
        ]),
    ]


def pcc_response(force, pcc_title, pcc_name, report_title, date_text, n_text):
    return [
        Section("letter", f"{pcc_title}\u2019s response", [
            P(f"Response to HMICFRS report: {report_title}"),
            P(f"Date: {date_text}"),
            P(f"I welcome this report and the scrutiny it provides. I have sought and considered the "
              f"comments of the Chief Constable of {force}, which are reflected below."),
            P(f"The report {n_text}. The Chief Constable has prepared an action plan, which I will "
              "monitor through my regular accountability meetings. Progress will be reported to the "
              "police and crime panel."),
            P("I am confident that the force is taking the findings seriously and I will continue to "
              "hold the Chief Constable to account for delivering the necessary improvements."),
            P(f"{pcc_name}, {pcc_title}", cls="sig"),
        ]),
    ]


def frt_technical_annex():
    return [
        Section("method", "Technical annex: methodology", [
            P("This annex describes the methods we used in our inspection of the police use of facial "
              "recognition technology."),
            P("We sent a data request to all 43 forces in England and Wales and received responses "
              "from 41. We examined records of 62 live deployments, chosen to include every force "
              "that had used the technology in the 12 months to March 2025."),
            T(["Data item", "Forces responding"], [
                ["Live facial recognition deployments", "41"],
                ["Retrospective searches", "39"],
                ["Operator-initiated searches", "12"],
            ]),
        ]),
    ]


GWENT_CSV = (
    "Measure,Gwent Police,England and Wales\r\n"
    "Emergency calls answered within 10 seconds (%),88.4,83.1\r\n"
    "Non-emergency calls abandoned (%),22.0,14.6\r\n"
    "Victim satisfaction (%),71,69\r\n"
    "Charge/summons rate (%),7.9,7.1\r\n"
    "Overdue RSO risk assessments,87,\r\n"
)

NEIGHBOURHOOD_CSV = (
    "Force,Neighbourhood officers,PCSOs,Time on neighbourhood duties (%)\r\n"
    "Force A,212,118,61\r\n"
    "Force B,98,44,34\r\n"
    "Force C,340,201,66\r\n"
    "Force D,156,90,58\r\n"
    "Force E,121,77,63\r\n"
    "Force F,87,51,55\r\n"
    "Force G,264,139,62\r\n"
    "Force H,143,60,65\r\n"
)
