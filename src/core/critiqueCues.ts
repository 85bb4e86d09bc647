// The prose classifier's lexicon, as data. Nothing here is code: critique.ts compiles these lists.
//
// Phrase syntax (matched against lower-cased words, whole words only):
//   - words are separated by spaces; hyphens and punctuation in the text split words
//     ("state-of-the-art" reads as "state of the art", "fine-tune" as "fine tune");
//   - `a|b` is a choice of words; a trailing `?` makes the word optional ("very|really? well");
//   - `*` stands for any one word;
//   - contractions are expanded before matching: "didn't" reads "did not", "it's" reads "it is",
//     "cannot" reads "can not", "I'd" reads "i would".
// The first word of a phrase may not be optional.
// Each list is written as one text, its entries separated by commas (smaller in the bundle than an
// array of strings).

/** The entries of a comma-separated list. */
function words(list: string): readonly string[] {
  return list.split(',');
}

/** Critique nouns. Matched with typo tolerance (see critique.ts), so "weeknesses" counts. */
export const WEAKNESS_NOUNS: readonly string[] = words(
  'weakness,weaknesses,limitation,limitations,drawback,drawbacks,shortcoming,shortcomings,' +
  'downside,downsides,disadvantage,disadvantages,flaw,flaws,caveat,caveats,criticism,' +
  'criticisms,complaint,complaints,gripe,gripes,nitpick,nitpicks,pitfall,pitfalls',
);

export const STRENGTH_NOUNS: readonly string[] = words('strength,strengths,advantage,advantages,benefit,benefits,merit,merits,upside,upsides');

/** Nouns that are critique only when the writer owns them ("my concern", "an issue I have"). */
export const SOFT_WEAKNESS_NOUNS: readonly string[] = words(
  'issue,issues,problem,problems,concern,concerns,worry,worries,reservation,reservations,' +
  'objection,objections,qualm,qualms,doubt,doubts',
);

/** Words before a plural critique noun that announce a list of them ("a few weaknesses"). */
export const ANNOUNCING_QUANTIFIERS: readonly string[] = words(
  'few,several,some,many,multiple,numerous,various,couple,two,three,four,five,' +
  'number,following,main,major,key,notable,obvious,serious,clear,big,biggest,' +
  'important,significant,its,their,my',
);

/** Opinion markers: the writer speaks in the first person. */
export const OPINION_MARKERS: readonly string[] = words(
  'i think|thought,i do? feel|felt,i do|did not think|believe|feel|see|find,i believe,i found|find,i would say|argue,i guess,i suspect,' +
  'in my opinion|view|experience,to me,imo,imho,personally,it seems|seemed to me,i am not sure|convinced,' +
  'i was not|never convinced,i doubt,i was disappointed|surprised|impressed,i consider,my impression,' +
  'my feeling,my take',
);

/** Weakness phrases strong enough to decide a sentence on their own. */
export const WEAKNESS_PHRASES: readonly string[] = words(
  'uninnovative,unoriginal,not very|particularly|that|really|especially? novel|innovative|original,' +
  'lacks|lacking novelty|originality|rigor|rigour|clarity|depth|insight,limited novelty,only incremental,' +
  'unconvincing,not very|entirely|particularly|really|that|fully? convincing,' +
  'hard|difficult|tough|painful to follow|read|understand|parse|digest,' +
  'poorly|badly written|explained|motivated|organized|organised|presented|evaluated|justified|structured,' +
  'not well written|explained|motivated|justified|evaluated|organized,' +
  'a slog,slog,tedious to read|follow|understand|get,a tedious read,hand wavy|waving,handwavy,overclaims|overclaiming|overclaimed|overstated|overstates|oversold|overhyped,' +
  'cherry picked|picking,misleading,questionable,dubious,unfair comparison|comparisons,not a fair comparison,' +
  'not reproducible,hard|difficult|impossible to reproduce,confusing,overly|unnecessarily|needlessly complicated|complex|convoluted,' +
  'overcomplicated,convoluted,disappointing,underwhelming,sloppy,unjustified,unsupported,ad hoc,' +
  'falls short,fell short,weak baselines|baseline|evaluation|experiments|results,' +
  'my main|biggest|major|only|primary|one? concern|complaint|criticism|gripe|issue|problem|worry|reservation|objection|qualm,' +
  'one concern|complaint|criticism|gripe|reservation|objection|qualm,' +
  'the main|biggest|largest|only|major|key|greatest issue|problem|concern|complaint|criticism with|of|in this|the paper|approach|method|model|work|architecture|technique|idea,' +
  'i wish,should|ought to? have been|done|compared|included|discussed|tested|evaluated|shown|used|tried|mentioned|explained|cited|reported|run|considered|added|provided|investigated|explored|given|released|published|spent,' +
  'would have liked|loved|preferred|appreciated,it would have been nice|better|good|helpful|useful|interesting,' +
  'i would like more,not clear enough,shaky,a pity,a shame,unfair,i am|was not convinced|persuaded',
);

/** Omissions: what the paper leaves out. Any subject. */
export const OMISSION_PHRASES: readonly string[] = words(
  'not|never mention|mentioned|discuss|discussed|compare|compared|address|addressed|explain|explained|justify|justified|motivate|motivated|cite|cited|clarify|clarified|elaborate|elaborated|acknowledge|acknowledged,' +
  'not|never really|even|properly|sufficiently|clearly|fully|adequately|much mention|discuss|compare|address|explain|justify|motivate|cite|clarify|elaborate,' +
  'not talk|talked about,not go|went into,not report|release|publish the? code|results|numbers|variance|error,' +
  'left out,leaves out,glosses|glossed over,skips|skipped over,' +
  'fails|failed|fail to mention|discuss|compare|address|explain|justify|cite|consider|account|convince|report|evaluate|motivate|acknowledge,' +
  'is|are|was|were missing,sorely missing,missing a|an|any? comparison|comparisons|ablation|ablations|baseline|baselines|discussion|evaluation|details|explanation|analysis|evidence|citation|citations|references,' +
  'lacks|lacked|lacking a|an|any? comparison|comparisons|ablation|ablations|baseline|baselines|discussion|evaluation|detail|details|explanation|analysis|evidence|justification|motivation|experiments|code,' +
  'no comparison|comparisons|ablation|ablations|discussion|baseline|baselines|code|justification|explanation|evaluation,' +
  'no error bars,never defined|introduced|described|specified,' +
  'without any? comparison|comparisons|ablation|ablations|baselines|justification|explanation,' +
  'offer|offers|offered|provide|provides|provided|give|gives|gave no remedy|solution|fix|explanation|justification|analysis|evidence,' +
  'ignores,overlooks,overlooked,neglects,neglected,omits,omitted',
);

/** Omission verbs that need the paper or its authors as subject ("they do not evaluate on …"). */
export const AUTHOR_OMISSION_VERBS: readonly string[] = words(
  'evaluate,test,investigate,explore,consider,analyze,analyse,ablate,study,include,' +
  'provide,describe,specify,show,prove,verify,validate,examine',
);

/** Subjects that make an AUTHOR_OMISSION_VERB critique: the paper and its authors. */
export const AUTHOR_SUBJECTS: readonly string[] = words('they,authors,paper,article,work,study,writers,he,she');

/** Praise phrases strong enough to decide a sentence on their own. */
export const STRENGTH_PHRASES: readonly string[] = words(
  'work|works|worked|working extremely|really|very|surprisingly|remarkably|similarly|equally|quite|so|pretty|particularly|incredibly|exceptionally|amazingly|reasonably|fairly? well,' +
  'make|makes|made|making it much|very|really|super|quite|so|relatively|fairly|extremely? easy|easier|simple|simpler|trivial|straightforward to,' +
  'easy|easier|simple|straightforward to fine|implement|use|train|extend|understand|follow|read|reproduce|deploy|parallelize,' +
  'impressive,impressively,thorough,thoroughly,extensive experiments|evaluation|ablations,elegant,elegantly,clever,cleverly,neat,nicely,beautiful,beautifully,' +
  'brilliant,ingenious,insightful,compelling,convincing,remarkable,remarkably,excellent,outstanding,' +
  'well written|motivated|explained|presented|organized|organised|executed,clearly written|explained|presented,' +
  'state of the art results|performance,new state of the art,top scores|results,strong results|performance|baselines,' +
  'all they|you|one|we had|have|has|need|needed to do,i like|liked|love|loved|enjoyed|appreciate|appreciated,' +
  'i really like|liked|love|loved|enjoyed|appreciate|appreciated,a joy to read,striking,stunning,should|must read it|this,a must read,' +
  'great|nice|neat|clever|cool paper|idea|trick|results|insight|contribution',
);

/** Evaluative words that count only inside a first-person judgement ("I think it is inefficient"). */
export const MILD_WEAKNESS_WORDS: readonly string[] = words(
  'inefficient,inefficiency,slow,expensive,costly,difficult,hard,complex,complicated,' +
  'unstable,unpredictable,unpredictably,confuse,confused,limited,weak,worse,worst,poor,' +
  'poorly,bad,problematic,worrying,unclear,doubtful,unfortunately,sadly,annoying,messy,' +
  'overkill,excessive,wasteful,brittle,fragile,naive,simplistic,unrealistic,impractical,' +
  'boring,hacky,unnecessary,redundant,wrong,flawed,lacking,missing,overfit,overfits',
);

export const MILD_STRENGTH_WORDS: readonly string[] = words(
  'good,great,nice,useful,helpful,effective,efficient,fast,simple,easy,powerful,' +
  'better,interesting,promising,novel,innovative,original,clean,clear,solid,strong,' +
  'cool,smart,robust,valuable,important,significant',
);

/** Idioms in which a mild word does not judge anything ("good reason", "a great deal"). */
export const IDIOMS: readonly string[] = words(
  'good|great reason|reasons|deal|chance,very good reason|reasons,good idea of,for good,as good as,' +
  'a great deal|many,good enough,' +
  'hard to say|tell,hard coded,fast forward',
);

/** Questions the writer asks of the paper. */
export const QUESTION_PHRASES: readonly string[] = words(
  'i wonder|wondered,i am|was wondering,i am|was curious,i would like to know|understand,' +
  'it is|was not? unclear|clear whether|if|how|why|what|which,' +
  'unclear whether|if,not clear whether|if,' +
  'remains|remain unclear|unanswered,remains to be seen,remains an open question,an|the open question,open question is|whether,' +
  'i am|was not sure whether|if|how|why|what,i do not understand|get why|how|what,' +
  'it is unclear to me,it would be unclear,the question is whether,it would be good to know|understand',
);

/** Doubts that open a sentence ("Unclear how much cherry picking was involved."). Only at the start. */
export const QUESTION_OPENERS: readonly string[] = words('unclear|unsure how|why|what|which|whether|if|to,not sure|clear how|why|what|which|whether|if,no idea how|why|what|whether|if');

/** Ideas for follow-up work. */
export const IDEA_PHRASES: readonly string[] = words(
  'it would|might|could be interesting|worthwhile|worth|fun|nice|cool to,would|might|could be interesting to,' +
  'it would be|is worth trying|exploring|investigating|testing|checking,worth exploring|trying|investigating,' +
  'a|an|one natural|obvious|interesting|possible|easy next? extension|step|direction|experiment,' +
  'a|an|one natural|obvious|interesting|possible|easy follow up,' +
  'future work could|should|might|would,in future work,could|might be extended|generalized|applied to,' +
  'one could|might also? try|extend|apply|combine|use|explore|investigate|test,i would|will try,i would like to try,' +
  'i would like to see,i would love to see,it would make sense to,what if,an|one idea would be,an|one idea is to,' +
  'next step would|could|might,a follow up,maybe one could,perhaps one could',
);

/** Sentence openers that continue an enumeration or an argument ("First of all, …", "Also, …"). */
export const ENUMERATION_MARKERS: readonly string[] = words(
  'first of all,first,firstly,second,secondly,third,thirdly,fourth,fourthly,fifth,' +
  'also,moreover,additionally,furthermore,in addition,besides,another,plus,finally,' +
  'lastly,last but not least,on top of that,what is more,similarly,likewise,worse,' +
  'even worse,to make matters worse,one more,then there is,next,then again',
);

/** Sentence openers that explain or give evidence for what precedes ("For example, …"). */
export const ELABORATION_MARKERS: readonly string[] = words(
  'for example,for instance,eg,ie,in particular,especially,specifically,namely,' +
  'this is because,that is because,because,in other words',
);

/** Hedged impressions, which continue a judgement ("It seemed they …", "… seems like it would …"). */
export const HEDGES: readonly string[] = words(
  'seem|seems|seemed|appear|appears|appeared to|like,it seems|seemed|appears|appeared,felt|feels like,' +
  'looks|looked like,apparently,presumably',
);

/** Sentence openers that turn the argument: they end a run of carried-over critique. */
export const CONTRAST_MARKERS: readonly string[] = words(
  'however,but,on the other hand,that said,that being said,nevertheless,nonetheless,still,' +
  'despite,in contrast,conversely,overall,all in all,in summary,to summarize,in conclusion,' +
  'apart from that,other than that,aside from that,regardless,anyway,on the plus side,' +
  'on the bright side,to be fair,in fairness,although,though,even so,on the positive side',
);

/** Negators: a critique cue after one of these in the same clause does not count ("I don't think this is an issue"). */
export const NEGATORS: readonly string[] = words('not,no,never,hardly,barely,nor,neither,none,nothing,without');

/** Limiters: praise after one of these in the same clause is restricted, not praise ("it only works well on …"). */
export const PRAISE_LIMITERS: readonly string[] = words('only,sometimes,occasionally,rarely,somewhat');

/** Verbs that report the paper's own claims: "the authors argue that it works well" is description. */
export const REPORTING_VERBS: readonly string[] = words(
  'argue,argues,argued,claim,claims,claimed,note,notes,noted,observe,observes,' +
  'observed,state,states,stated,say,says,said,find,finds,found,show,shows,' +
  'showed,demonstrate,demonstrates,demonstrated,hypothesize,hypothesise,assume,assumes,' +
  'believe,believes,suggest,suggests,mention,mentions,point,points,realized,realised,' +
  'report,reports,reported,conclude,concludes,write,writes',
);

/** Words that, before a critique noun, make the paper the one fixing it ("overcomes the limitation of …"). */
export const SOLVING_VERBS: readonly string[] = words(
  'solve,solves,solved,solving,fix,fixes,fixed,address,addresses,addressed,overcome,' +
  'overcomes,overcame,alleviate,alleviates,mitigate,mitigates,remedy,remedies,avoid,' +
  'avoids,eliminate,eliminates,circumvent,circumvents,tackle,tackles,resolve,resolves,' +
  'reduce,reduces,remove,removes,counter,counters,compensate,compensates,handle,handles',
);

/** Mentions of other people's work: critique about it describes the paper's motivation, not the paper. */
export const PRIOR_WORK_PHRASES: readonly string[] = words(
  'previous|prior|existing|earlier|traditional|conventional|classical|classic|competing|older|current|standard|other|baseline|related *? work|works|method|methods|approach|approaches|model|models|technique|techniques|system|systems|architecture|architectures|network|networks|detector|detectors|algorithm|algorithms|solution|solutions|paper|papers|optimizer|optimizers|ones|research|literature|art|attempts,' +
  'related work,prior art,state of the art methods|models|approaches|systems',
);

/** Words after which a prior-work adjective is only the thing compared against ("better than previous models"). */
export const COMPARISON_WORDS: readonly string[] = words(
  'than,to,unlike,over,against,vs,versus,outperforms,outperform,beats,beat,' +
  'compared,relative,surpasses,from',
);

/** Section headings, by role. Single words are matched with typo tolerance; phrases exactly.
 *  A heading takes a role when every word in it that is not a HEADING_FILLER names that role. */
export const HEADING_WORDS: Readonly<Record<'summary' | 'strength' | 'weakness' | 'question' | 'idea' | 'note' | 'references', readonly string[]>> = {
  strength: words(
    'strengths,strength,pros,pro,advantages,advantage,positives,positive,benefits,benefit,' +
    'merits,upsides,upside,likes,praise,what i liked,what i like,the good,strong points,good points,' +
    'what works',
  ),
  weakness: words(
    'weaknesses,weakness,cons,con,limitations,limitation,drawbacks,drawback,concerns,concern,' +
    'criticism,criticisms,critique,critiques,disadvantages,disadvantage,issues,issue,shortcomings,' +
    'downsides,downside,negatives,flaws,caveats,complaints,dislikes,problems,pitfalls,nitpicks,' +
    'what i disliked,what i did not like,the bad,weak points,areas for improvement',
  ),
  question: words(
    'questions,question,open questions,open question,open problems,unanswered questions,confusions,unclear,' +
    'qs,doubts,things to clarify,unclear points',
  ),
  idea: words(
    'ideas,idea,future work,future directions,future research,directions,extensions,follow ups,' +
    'followups,follow up,next steps,improvements,todo,todos,to try,research ideas',
  ),
  note: words(
    'notes,note,thoughts,comments,comment,remarks,key points,takeaways,takeaway,highlights,' +
    'observations,reflections,opinion,opinions,impressions,review,verdict,misc,miscellaneous,' +
    'quotes,my take,discussion points',
  ),
  summary: words(
    'summary,abstract,tldr,tl dr,overview,method,methods,methodology,approach,results,result,' +
    'paper,details,detail,introduction,intro,background,motivation,contribution,contributions,' +
    'experiments,experiment,evaluation,setup,architecture,model,implementation,discussion,' +
    'conclusion,conclusions,findings,analysis,ablation,ablations,dataset,datasets,data,' +
    'training,what,how,why,definitions,terminology,problem,notation,recap,gist,synopsis,' +
    'description,main idea,key idea,key ideas,core idea,big idea,related work,prior work,' +
    'problem statement,key insight,key insights',
  ),
  references: words(
    'references,reference,bibliography,citations,citation,contents,table of contents,toc,sources,' +
    'further reading,works cited,links,literature',
  ),
};

/** Words a heading may add around its role word: "My main weaknesses of the paper", "2. Open questions". */
export const HEADING_FILLERS: readonly string[] = words(
  'my,the,main,key,open,major,minor,possible,potential,some,other,additional,personal,' +
  'general,notable,big,biggest,few,overall,own,critical,final,quick,short,brief,' +
  'detailed,further,more,a,an,of,this,that,paper,papers,work,method,approach,' +
  'model,in,for,and,on,to,with,its,their,our,rough,chapter,wise,list,section,' +
  'part,various,authors,author,reader,readers,summary,random,initial,first,selected',
);

/** Callout types (Obsidian `> [!type]`, GitHub `> [!TYPE]`) and the critique kind each stands for. */
export const NOTE_TYPES: Readonly<Record<string, 'strength' | 'weakness' | 'question' | 'idea' | 'note'>> = {
  strength: 'strength', strengths: 'strength', pro: 'strength', pros: 'strength', advantage: 'strength',
  advantages: 'strength', tip: 'strength', hint: 'strength', plus: 'strength',
  weakness: 'weakness', weaknesses: 'weakness', con: 'weakness', cons: 'weakness', limitation: 'weakness',
  limitations: 'weakness', drawback: 'weakness', drawbacks: 'weakness', warning: 'weakness', caution: 'weakness',
  attention: 'weakness', danger: 'weakness', minus: 'weakness', concern: 'weakness',
  question: 'question', questions: 'question', important: 'question', faq: 'question', help: 'question',
  idea: 'idea', ideas: 'idea', todo: 'idea',
  note: 'note', notes: 'note',
};
