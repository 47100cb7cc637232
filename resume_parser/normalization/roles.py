"""Vocabulary that tells a job title from an employer's name, in the languages we meet."""

from __future__ import annotations

from resume_parser.normalization.lines import word_set

# Nouns and modifiers that make a phrase a job title. Whole words, matched case-insensitively.
TITLE_WORDS = word_set(
    """
    engineer developer programmer manager analyst director lead head intern internship consultant
    specialist coordinator designer scientist architect administrator admin tester recruiter
    generalist assistant officer vp president accountant clerk associate executive technician
    researcher professor lecturer teacher tutor nurse founder co-founder cofounder ceo cto cfo coo
    cio partner representative advisor adviser controller auditor editor writer copywriter marketer
    strategist owner master operator trainee apprentice fellow sre devops qa staff principal senior
    junior chief supervisor agent buyer planner economist statistician attorney lawyer paralegal
    pharmacist physician therapist mechanic electrician chef cashier driver salesperson bookkeeper
    secretary receptionist freelancer freelance contractor volunteer mentor instructor trainer coach
    producer photographer illustrator animator artist journalist translator interpreter stylist
    clinician dentist surgeon ingenieur ingenieurin entwickler entwicklerin berater beraterin leiter
    leiterin werkstudent werkstudentin praktikant praktikantin referent referentin sachbearbeiter
    ingénieur ingénieure développeur développeuse chef responsable stagiaire chargé chargée
    directeur directrice consultante desarrollador desarrolladora ingeniero ingeniera jefe jefa
    analista gerente sviluppatore ingegnere programador programadora desenvolvedor estagiário
    coordenador diretor directora científico científica técnico técnica auxiliar contable asesor
    asesora gestor gestora especialista investigador investigadora profesor profesora becario becaria
    coordinador coordinadora administrativo administrativa abogado abogada enfermero enfermera
    contrôleur contrôleuse comptable gestionnaire auditeur auditrice technicien technicienne
    conseiller conseillère rédacteur rédactrice acheteur acheteuse vendeur vendeuse
    infirmier infirmière avocat avocate analyste cheffe assistante
    assistent assistentin managerin buchhalter buchhalterin kaufmann kauffrau geschäftsführer
    geschäftsführerin sachbearbeiterin mitarbeiter mitarbeiterin
    contador contadora consultor consultora auditora vendedor vendedora
    """
)
# Legal forms and words that make a phrase an organisation.
ORGANISATION_WORDS = word_set(
    """
    gmbh ag kg ohg ug ltd ltd. limited inc inc. llc llp plc corp corp. corporation company co. s.a.
    sas sarl s.l. sl s.r.l. srl spa s.p.a. bv b.v. nv n.v. oy ab a/s aps pty pvt pvt. group holding
    holdings labs technologies solutions systems bank university institute hospital agency studio
    studios foundation association ministry council se kgaa gbr mbh e.v. société sociedad
    """
)
