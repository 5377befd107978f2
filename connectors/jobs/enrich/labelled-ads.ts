// A labelled set for measuring enrichment: realistic Swedish ads written for this purpose (no real
// employer's text), each with the taxonomy concepts a careful reader finds in it, by type. The
// expectations were written with the ads; reading the first run's output showed 13 concepts the ads
// do name that the first labelling had missed (marked "added on review"), and they were added.
// Occupations named only as colleagues ("du arbetar nära tandläkare") are not expected.

export const LABELLED_TYPES = ['occupation-name', 'skill', 'municipality', 'region', 'country', 'language', 'driving-license'] as const;
export type LabelledType = typeof LABELLED_TYPES[number];

export interface LabelledAd {
  headline: string;
  text: string;
  /** Concept ids expected, by type (label in a comment). */
  expected: Partial<Record<LabelledType, string[]>>;
}

export const LABELLED_ADS: LabelledAd[] = [
  {
    headline: "Undersköterskor till hemtjänsten i Malmö",
    text: "Vill du göra skillnad varje dag? Hemtjänsten i Malmö stad söker undersköterskor till våra grupper i Limhamn. Som undersköterska arbetar du med omvårdnad och stöd i hemmet, och du dokumenterar i vårt journalsystem. Erfarenhet av demensvård är meriterande.\n\nKrav: undersköterskeexamen, B-körkort och goda kunskaper i svenska i tal och skrift.",
    expected: {
      'occupation-name': ['Y3QA_5pk_uXd' /* Undersköterska, hemtjänst och äldreboende */],
      'skill': ['xowU_8Wu_K7C' /* Hemtjänst */, 'MR4H_FFT_mTj' /* Omvårdnad */, 'hqYJ_jyZ_Ks8' /* Demensvård */],
      'municipality': ['oYPt_yRA_Smm' /* Malmö */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Sjuksköterska till medicinavdelning, Sahlgrenska",
    text: "Vi söker legitimerade sjuksköterskor till avdelning 12 i Göteborg. Hos oss får du arbeta med akutsjukvård i ett team med undersköterskor och läkare. Du har svensk legitimation som sjuksköterska. Du talar och skriver svenska obehärskat, engelska är meriterande.",
    expected: {
      'occupation-name': ['bXNH_MNX_dUR' /* Sjuksköterska, grundutbildad */],
      'skill': ['azXF_rgu_EWv' /* Akutsjukvård */, 'dJa5_Nao_mDS' /* Legitimation som sjuksköterska */],
      'municipality': ['PVZL_BQT_XtL' /* Göteborg */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, 'NVxJ_hLg_TYS' /* Engelska */],
    },
  },
  {
    headline: "Java-utvecklare till fintech i Stockholm",
    text: "Vi är ett växande bolag på Kungsholmen som bygger betaltjänster. Som javautvecklare arbetar du i ett agilt team med Scrum. Vi tror att du har några års erfarenhet av Java, SQL och Git, gärna även JavaScript. Du trivs med Linux. Vi arbetar på engelska och svenska.",
    expected: {
      'occupation-name': ['fg7B_yov_smw' /* Systemutvecklare/Programmerare */],
      'skill': ['jCsR_WQX_CKD' /* Java, programmeringsspråk */, 'Xnmr_kYS_YKY' /* SQL, programmeringsspråk */, '2REh_Drn_nsh' /* Git, versionshanteringssystem */, 'DHhX_uVf_y6X' /* JavaScript, programmeringsspråk */, 'z52H_f4y_4ZA' /* Linux, operativsystem */, 'Cnqu_REg_6jo' /* Scrum, systemutvecklingsmetod */],
      'municipality': ['AvNB_uwa_6n6' /* Stockholm */],
      'language': ['NVxJ_hLg_TYS' /* Engelska */, 'zSLA_vw2_FXN' /* Svenska */],
    },
  },
  {
    headline: "Lagerarbetare till e-handelslager i Jönköping",
    text: "Nu söker vi fler lagerarbetare till vårt lager utanför Jönköping. Arbetet består av plock, pack och inleverans. Du som har erfarenhet av lagerarbete och kör gaffeltruck är extra välkommen. Truckkort A och B krävs. Arbetet sker i skift.",
    expected: {
      'occupation-name': ['sizv_uPq_nWf' /* Lagerarbetare */],
      'skill': ['ijHY_aHk_ADE' /* Terminal- och lagerarbete */, '8pHc_Lqc_QxD' /* Gaffeltruck */],
      'municipality': ['KURg_KJF_Lwc' /* Jönköping */],
    },
  },
  {
    headline: "Distributionsförare med C-körkort",
    text: "Till vår kund i Borås söker vi distributionsförare för leveranser i Västra Götaland. Du har C-körkort, gärna CE, och giltigt YKB. Arbetet innebär lastning och lossning samt kontakt med kunder. Goda kunskaper i svenska krävs.",
    expected: {
      'occupation-name': ['JEhg_Dmh_mzv' /* Distributionsförare */],
      'skill': ['XQet_5J6_HGj' /* Lastning, added on review */, 'M2WG_2z8_tyy' /* Yrkeskompetensbevis YKB, tung lastbil */],
      'municipality': ['TpRZ_bFL_jhL' /* Borås */],
      'region': ['zdoY_6u5_Krt' /* Västra Götalands län */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
      'driving-license': ['BKCx_hST_Pcm' /* C */, 'zZu8_iZ9_wMH' /* CE */],
    },
  },
  {
    headline: "Bussförare till kollektivtrafiken i Umeå",
    text: "Vill du köra buss i Umeå? Vi söker bussförare till stadstrafiken. Du har körkort med behörighet D och giltigt yrkeskompetensbevis. Du har god servicekänsla och talar svenska.",
    expected: {
      'occupation-name': ['qSXj_aXc_EGp' /* Bussförare/Busschaufför */],
      'skill': ['LKUu_eHh_QS1' /* Kollektivtrafik, körning, added on review */, 'L31X_f88_viY' /* Yrkeskompetensbevis, buss, added on review */],
      'municipality': ['QiGt_BLu_amP' /* Umeå */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
      'driving-license': ['hK1a_wsQ_4UG' /* D */],
    },
  },
  {
    headline: "Kock till à la carte-restaurang i Uppsala",
    text: "Vår restaurang i centrala Uppsala söker en kock med erfarenhet av à la carte. Du lagar mat från grunden, håller ordning i köket och följer våra rutiner för livsmedelshygien. Vi söker också en diskare på deltid.",
    expected: {
      'occupation-name': ['JbJw_as4_S93' /* Kock, à la carte */, 'pKTY_Kwu_sUw' /* Diskare */],
      'skill': ['Bb4Q_Vou_pbq' /* A la carte, added on review */, 'kj4Q_nLh_u8Q' /* Livsmedelshygien */],
      'municipality': ['otaF_bQY_4ZD' /* Uppsala */],
    },
  },
  {
    headline: "Servitör/servitris till hotell i Åre",
    text: "Vi söker servitörer och servitriser till vår restaurang i Åre under vintersäsongen. Du har erfarenhet av bordsservering och kassavana. Du talar engelska och gärna norska.",
    expected: {
      'occupation-name': ['rGGf_KLs_To7' /* Servitör/Servitris */],
      'skill': ['5fAq_Squ_o7p' /* Bordsservering */, 'hYpk_RYx_y3V' /* Kassavana */],
      'municipality': ['D7ax_CXP_6r1' /* Åre */],
      'language': ['NVxJ_hLg_TYS' /* Engelska */, 'pnjj_2JX_Fub' /* Norska */],
    },
  },
  {
    headline: "Förskollärare till förskola i Lund",
    text: "Lunds kommun söker förskollärare till Solrosens förskola. Du har förskollärarlegitimation och arbetar utifrån Reggio Emilia-pedagogik. Du samarbetar med barnskötare i arbetslaget.",
    expected: {
      'occupation-name': ['rUcW_z9R_Qsv' /* Lärare i förskola/Förskollärare */],
      'skill': ['6Suw_3c1_47a' /* Förskollärarlegitimation */, '1dHC_SwK_1ge' /* Reggio Emilia-pedagogik */],
      'municipality': ['muSY_tsR_vDZ' /* Lund */],
    },
  },
  {
    headline: "Lärare i grundskolan, årskurs 4-6",
    text: "Vi söker lärare till årskurs 4-6 på Ekbackens skola i Västerås. Du är legitimerad lärare och undervisar i matematik och svenska i grundskolan. Erfarenhet av specialpedagogik är meriterande.",
    expected: {
      'occupation-name': ['Nzmh_iTb_z7h' /* Lärare i grundskolan, årskurs 4-6 */],
      'skill': ['C3Fc_BSX_rpH' /* Specialpedagogik */],
      'municipality': ['8deT_FRF_2SP' /* Västerås */],
    },
  },
  {
    headline: "Barnskötare till förskola i Nacka",
    text: "Vi söker en barnskötare med barnskötarutbildning till vår förskola i Nacka. Du är trygg, nyfiken och tycker om att arbeta med barn. Du behärskar svenska väl.",
    expected: {
      'occupation-name': ['rM7G_ge7_XhP' /* Barnskötare */],
      'municipality': ['aYA7_PpG_BqP' /* Nacka */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
    },
  },
  {
    headline: "Ekonomiassistent till redovisningsbyrå",
    text: "Vi är en redovisningsbyrå i Örebro som söker en ekonomiassistent. Du arbetar med löpande bokföring, kundfakturering och momsredovisning i Fortnox. Du har bokföringsvana och är noggrann. Goda kunskaper i MS Excel krävs.",
    expected: {
      'occupation-name': ['BK8D_hZe_dtk' /* Ekonomiassistent */],
      'skill': ['UBgX_VLG_mTK' /* Momsredovisning */, 'D7RV_iq7_KE4' /* Fortnox, affärssystem */, 'Fiq4_siu_LXn' /* Bokföringsvana */, '5wab_aFK_gdL' /* MS Excel */],
      'municipality': ['kuMn_feU_hXx' /* Örebro */],
    },
  },
  {
    headline: "Redovisningsekonom med bokslutserfarenhet",
    text: "Till vår kund i Linköping söker vi en redovisningsekonom. Du ansvarar för bokslut, löneadministration och rapportering. Du har erfarenhet av SAP och talar flytande engelska.",
    expected: {
      'occupation-name': ['8N18_sGB_X4M' /* Redovisningsekonom */],
      'skill': ['Lq2i_vZo_BEx' /* Bokslut */, 'WCWw_wZz_8iv' /* Löneadministration */, 'iGBs_5FQ_Kk9' /* SAP, applikationsplattform */],
      'municipality': ['bm2x_1mr_Qhx' /* Linköping */],
      'language': ['NVxJ_hLg_TYS' /* Engelska */],
    },
  },
  {
    headline: "Löneadministratör till kommun",
    text: "Sundsvalls kommun söker en löneadministratör till lönecentrum. Du har erfarenhet av löneadministration och lönesystem samt goda kunskaper i arbetsrätt.",
    expected: {
      'occupation-name': ['nRLP_eqC_ow9' /* Löneadministratör */],
      'skill': ['WCWw_wZz_8iv' /* Löneadministration */, 'hjUM_GZe_Bgd' /* Lönesystem */, 'fiLT_BSW_HCb' /* Arbetsrätt */],
      'municipality': ['dJbx_FWY_tK6' /* Sundsvall */],
    },
  },
  {
    headline: "Snickare till byggföretag i Halmstad",
    text: "Vi söker snickare till nyproduktion av bostäder i Halmstad. Du har yrkesbevis och erfarenhet av formsättning och armering. B-körkort är ett krav.",
    expected: {
      'occupation-name': ['4Z7F_oBG_vMG' /* Träarbetare/Snickare */],
      'skill': ['v3d9_u2H_pnf' /* Nyproduktion/bygge, added on review */, 'ad5t_3Go_CeS' /* Formsättning */, 'Q6ez_byQ_HQj' /* Armering */],
      'municipality': ['kUQB_KdK_kAh' /* Halmstad */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Betongarbetare till anläggningsprojekt",
    text: "Vi söker betongarbetare till ett broprojekt i Luleå. Arbetet omfattar formsättning, armering och betonggjutning. Du kan läsa ritningar och har erfarenhet av ritningsläsning. Körkort B krävs.",
    expected: {
      'occupation-name': ['57z2_b5A_hAT' /* Betongarbetare */],
      'skill': ['ad5t_3Go_CeS' /* Formsättning */, 'Q6ez_byQ_HQj' /* Armering */, '4jUM_i46_dpz' /* Betonggjutning */, 'aHCV_VsV_LiD' /* Ritningsläsning */],
      'municipality': ['CXbY_gui_14v' /* Luleå */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Plattsättare sökes",
    text: "Vi är ett kakelföretag i Helsingborg som söker en plattsättare med erfarenhet av plattsättning i badrum. Du har våtrumsbehörighet och B-körkort.",
    expected: {
      'occupation-name': ['Qv4e_brq_Ca5' /* Plattsättare */],
      'skill': ['jzoV_7pi_LHP' /* Våtrumsbehörighet/GVK, added on review */, 'ZzuK_jNE_XCG' /* Plattsättning */],
      'municipality': ['qj3q_oXH_MGR' /* Helsingborg */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Installationselektriker till elfirma i Gävle",
    text: "Vi söker en elektriker med auktorisation till vår elfirma i Gävle. Du arbetar med kabelinstallationer i bostäder och industri. B-körkort krävs.",
    expected: {
      'occupation-name': ['84Uc_bhA_s47' /* Installationselektriker */],
      'skill': ['VQxj_dHG_UCE' /* Kabelinstallationer */],
      'municipality': ['qk8Y_2b6_82D' /* Gävle */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Målare till måleriföretag",
    text: "Vi söker målare till vårt måleriföretag i Karlstad. Du har gesällbrev och erfarenhet av både invändig och utvändig målning. Körkort B.",
    expected: {
      'occupation-name': ['rv19_K1B_Fuo' /* Målare */],
      'skill': ['A6t1_k6h_bKY' /* Gesällbrev, målare, added on review */],
      'municipality': ['hRDj_PoV_sFU' /* Karlstad */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Svetsare till verkstadsindustri",
    text: "Vi söker svetsare till vår verkstad i Eskilstuna. Du behärskar MIG-svetsning och TIG-svetsning och kan läsa ritningar. Erfarenhet av ritningsläsning krävs. Svenska eller engelska i tal och skrift.",
    expected: {
      'occupation-name': ['wf1E_nWA_EJp' /* Svetsare, manuell */],
      'skill': ['Q1D1_Pdc_rnT' /* MIG-svetsning */, 'WBnc_JXj_MvY' /* TIG-svetsning */, 'aHCV_VsV_LiD' /* Ritningsläsning */],
      'municipality': ['kMxr_NiX_YrU' /* Eskilstuna */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, 'NVxJ_hLg_TYS' /* Engelska */],
    },
  },
  {
    headline: "CNC-operatör till skärande bearbetning",
    text: "Till vår fabrik i Västervik söker vi en operatör med erfarenhet av svarvning och fräsning i CNC-maskiner. Du kan CNC-programmering, Siemens och har god kunskap om mätteknik.",
    expected: {
      'occupation-name': ['EvmU_s9w_euP' /* CNC-operatör/FMS-operatör, added on review */],
      'skill': ['d2yX_cZM_fSy' /* Svarvning, CNC */, 'wpVJ_UXf_uSb' /* Fräsning, CNC */, 'B8dd_RVE_soo' /* CNC-programmering, Siemens */, 'wZpC_X9a_xzG' /* Mätteknik */],
      'municipality': ['t7H4_S2P_3Fw' /* Västervik */],
    },
  },
  {
    headline: "Personlig assistent till man i Norrköping",
    text: "Vi söker en personlig assistent till en man i 40-årsåldern i Norrköping. Arbetet innebär stöd i vardagen och omvårdnad. Du har körkort B och talar svenska.",
    expected: {
      'occupation-name': ['eU1q_zvL_9Rf' /* Personlig assistent */],
      'skill': ['MR4H_FFT_mTj' /* Omvårdnad */],
      'municipality': ['SYty_Yho_JAF' /* Norrköping */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Städare till kontor och trapphus",
    text: "Vi söker städare till kontorsstädning och trappstädning i Solna och Sundbyberg. Du har erfarenhet av städtjänster och talar svenska eller engelska.",
    expected: {
      'occupation-name': ['dYo1_D8c_87U' /* Städare/Lokalvårdare */],
      'skill': ['beHF_mum_ANM' /* Kontorsstädning */, 'iLB3_qb9_a1D' /* Trappstädning */, 'fZdk_vbt_LhP' /* Städtjänster */],
      'municipality': ['zHxw_uJZ_NJ8' /* Solna */, 'UTJZ_zHH_mJm' /* Sundbyberg */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, 'NVxJ_hLg_TYS' /* Engelska */],
    },
  },
  {
    headline: "Kundtjänstmedarbetare till energibolag",
    text: "Som kundtjänstmedarbetare hos oss i Luleå svarar du på frågor från våra kunder via telefon och chatt. Du har erfarenhet av kundtjänst och faktureringsvana. Du talar och skriver svenska och engelska, finska är meriterande.",
    expected: {
      'occupation-name': ['8Uhp_XYo_z5f' /* Kundtjänstmedarbetare */],
      'skill': ['aMyW_hB7_TpU' /* Kundtjänst */, 'S2pg_pcs_tXu' /* Faktureringsvana */],
      'municipality': ['CXbY_gui_14v' /* Luleå */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, 'NVxJ_hLg_TYS' /* Engelska */, 'Swhq_4Fg_qfm' /* Finska */],
    },
  },
  {
    headline: "Butikssäljare till livsmedelsbutik",
    text: "ICA Kvantum i Kalmar söker butikssäljare till färskvaror. Du har kassavana och tycker om service. Arbetet sker på kvällar och helger.",
    expected: {
      'occupation-name': ['pBhS_6fg_727' /* Butikssäljare/Medarbetare, dagligvaror */],
      'skill': ['hYpk_RYx_y3V' /* Kassavana */],
      'municipality': ['Pnmg_SgP_uHQ' /* Kalmar */],
    },
  },
  {
    headline: "Läkare till vårdcentral i Skellefteå",
    text: "Region Västerbotten söker läkare till vårdcentralen i Skellefteå. Du är specialist i allmänmedicin och har svensk legitimation. Goda kunskaper i svenska krävs.",
    expected: {
      'occupation-name': ['9K3i_XD4_Kyy' /* Läkare */],
      'skill': ['FJjr_4pF_LEY' /* Vårdcentral, added on review */, 'tCDB_MjS_nqc' /* Allmänmedicin, added on review */],
      'municipality': ['kicB_LgH_2Dk' /* Skellefteå */],
      'region': ['g5Tt_CAV_zBd' /* Västerbottens län */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
    },
  },
  {
    headline: "Tandsköterska till privat klinik",
    text: "Vi söker en tandsköterska till vår klinik i Växjö. Du arbetar nära tandläkare och tandhygienist. Du talar svenska och gärna arabiska.",
    expected: {
      'occupation-name': ['ckkD_JhH_Sc6' /* Tandsköterska */],
      'municipality': ['mmot_H3A_auW' /* Växjö */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, '3iEY_RGP_qXq' /* Arabiska */],
    },
  },
  {
    headline: "Backend-utvecklare Python",
    text: "Vi söker en backendutvecklare till vårt team i Malmö. Vi bygger tjänster i Python och SQL och kör på Linux. Erfarenhet av Git är ett krav. Kommunikationen sker på engelska.",
    expected: {
      'occupation-name': ['7wdX_4rv_33z' /* Backend-utvecklare */],
      'skill': ['qfkh_ZRK_w4W' /* Python, programmeringsspråk */, 'Xnmr_kYS_YKY' /* SQL, programmeringsspråk */, 'z52H_f4y_4ZA' /* Linux, operativsystem */, '2REh_Drn_nsh' /* Git, versionshanteringssystem */],
      'municipality': ['oYPt_yRA_Smm' /* Malmö */],
      'language': ['NVxJ_hLg_TYS' /* Engelska */],
    },
  },
  {
    headline: "IT-tekniker till skola",
    text: "Vi söker en IT-tekniker till gymnasieskolorna i Kristianstad. Du ger användarsupport och administrerar datorer i Linux och Windows-miljö. Körkort B är ett krav.",
    expected: {
      'occupation-name': ['tdCZ_6Pn_VzT' /* IT-tekniker/Datatekniker */],
      'skill': ['G4sF_xod_zoq' /* Windows, operativsystem, added on review */, 'z52H_f4y_4ZA' /* Linux, operativsystem */],
      'municipality': ['vrvW_sr8_1en' /* Kristianstad */],
      'driving-license': ['VTK8_WRx_GcM' /* B */],
    },
  },
  {
    headline: "Truckförare till terminal i Helsingborg",
    text: "Vi söker truckförare till vår terminal i hamnen i Helsingborg. Du har truckkort och erfarenhet av terminal- och lagerarbete. Arbetet sker i treskift. C-behörighet är meriterande.",
    expected: {
      'occupation-name': ['GQSf_fnq_kjF' /* Truckförare */],
      'skill': ['ijHY_aHk_ADE' /* Terminal- och lagerarbete */],
      'municipality': ['qj3q_oXH_MGR' /* Helsingborg */],
      'driving-license': ['BKCx_hST_Pcm' /* C */],
    },
  },
  {
    headline: "Elevassistent till grundskola",
    text: "Vi söker en elevassistent till en elev med autism på Björkskolan i Gnesta. Erfarenhet av specialpedagogik är meriterande. Du talar svenska.",
    expected: {
      'occupation-name': ['Sbzf_iBA_MAS' /* Elevassistent */],
      'skill': ['C3Fc_BSX_rpH' /* Specialpedagogik */],
      'municipality': ['os8Y_RUo_U3u' /* Gnesta */],
      'language': ['zSLA_vw2_FXN' /* Svenska */],
    },
  },
  {
    headline: "Vårdbiträde till äldreboende i Motala",
    text: "Vi söker vårdbiträden till vårt äldreboende i Motala. Du arbetar med omvårdnad och äldreomsorg i en lugn miljö. Erfarenhet av demensvård är meriterande.",
    expected: {
      'occupation-name': ['4zLr_jP5_peZ' /* Vårdbiträde */],
      'skill': ['7gPY_qhU_mkB' /* Servicehus/äldreboende, added on review */, 'MR4H_FFT_mTj' /* Omvårdnad */, 'Yt2Z_1pY_MNz' /* Äldreomsorg */, 'hqYJ_jyZ_Ks8' /* Demensvård */],
      'municipality': ['E1MC_1uG_phm' /* Motala */],
    },
  },
  {
    headline: "Receptionist till hotell i Visby",
    text: "Vi söker en receptionist till vårt hotell i Visby på Gotland under sommaren. Du talar svenska, engelska och gärna tyska. Kassavana är meriterande.",
    expected: {
      'occupation-name': ['un7f_yy8_JJx' /* Receptionist, telefonist */],
      'skill': ['hYpk_RYx_y3V' /* Kassavana */],
      'municipality': ['Ft9P_E8F_VLJ' /* Gotland */],
      'language': ['zSLA_vw2_FXN' /* Svenska */, 'NVxJ_hLg_TYS' /* Engelska */, 'S368_jFS_2hP' /* Tyska */],
    },
  },
  {
    headline: "Pizzabagare sökes till pizzeria",
    text: "Pizzeria Napoli i Trollhättan söker pizzabagare på heltid. Du har erfarenhet från pizzeria och är van vid högt tempo. Vi ser gärna att du talar italienska.",
    expected: {
      'occupation-name': ['9YaE_Syg_5ZB' /* Pizzabagare */],
      'skill': ['DmFL_vHQ_j7e' /* Pizzeria, added on review */],
      'municipality': ['CSy8_41F_YvX' /* Trollhättan */],
      'language': ['b9cE_KXy_Yxv' /* Italienska */],
    },
  },
];
