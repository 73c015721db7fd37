import type { ProductCategory } from './product.js';

/**
 * What people type when they look for cover (C2), as data: everyday names and abbreviations of kinds
 * of cover, words for who is insured, and filler words. The query reader (search.ts) reads a query
 * against these tables; a new synonym is a new word here and a test line, not a code branch.
 */

/** A kind of cover as people name it: the categories and coverage items (CoverageItem.key) it means. */
export interface SearchConcept {
  /** Shown back to the user in the understood line ("为您找到：…重疾险"). */
  readonly label: string;
  /** Spellings people type, Simplified Chinese; pinyin spellings are derived by the index. */
  readonly words: readonly string[];
  /** A product of one of these categories is what the word asks for. */
  readonly categories: readonly ProductCategory[];
  /** A product of another category that has one of these items answers the word too, ranked lower. */
  readonly coverage: readonly string[];
  /** Words in product names that show the concept, highlighted in results. */
  readonly marks: readonly string[];
}

/** Who is to be insured: the ages the word implies, and name words of products made for them. */
export interface SearchAudience {
  /** Shown back: "适合儿童的重疾险". */
  readonly label: string;
  readonly words: readonly string[];
  /** Ages at entry the word implies, inclusive: a product must accept some age in this band. */
  readonly minAge: number;
  readonly maxAge: number;
  /** Words in product names of products made for this audience (ranked first, highlighted). */
  readonly marks: readonly string[];
}

export const SEARCH_CONCEPTS: readonly SearchConcept[] = [
  {
    label: '重疾险',
    words: ['重疾险', '重疾', '重大疾病', '重大疾病险', '重大疾病保险', '大病', '大病险', '重病', '重症'],
    categories: ['CRITICAL_ILLNESS'],
    coverage: ['critical-illness', 'critical-illness-medical'],
    marks: ['重大疾病', '重疾'],
  },
  {
    label: '医疗险',
    words: ['百万医疗', '百万医疗险', '医疗险', '医疗', '看病', '报销', '长期医疗', '医疗保险'],
    categories: ['MEDICAL', 'HUIMINBAO'],
    coverage: ['general-medical'],
    marks: ['百万医疗', '医疗'],
  },
  {
    label: '住院保障',
    words: ['住院', '住院险', '住院医疗'],
    categories: ['MEDICAL', 'HUIMINBAO'],
    coverage: ['general-medical', 'hospital-allowance'],
    marks: ['住院', '医疗'],
  },
  {
    label: '门诊保障',
    words: ['门诊', '门急诊', '急诊', '门诊险'],
    categories: [],
    coverage: ['outpatient'],
    marks: ['门急诊', '门诊'],
  },
  {
    label: '防癌险',
    words: ['防癌险', '防癌', '癌症', '癌症险', '癌', '抗癌', '肿瘤', '恶性肿瘤'],
    categories: ['CANCER'],
    coverage: ['cancer-medical'],
    marks: ['防癌', '抗癌', '恶性肿瘤'],
  },
  {
    label: '意外险',
    words: ['意外险', '意外', '意外伤害', '受伤', '骨折', '摔伤'],
    categories: ['ACCIDENT'],
    coverage: ['accidental-death', 'accidental-medical'],
    marks: ['意外'],
  },
  {
    label: '交通意外',
    words: ['交通意外', '出行', '开车', '坐飞机', '航空意外'],
    categories: ['ACCIDENT'],
    coverage: [],
    marks: ['出行', '交通'],
  },
  {
    label: '定期寿险',
    words: ['定期寿险', '寿险', '定寿', '人寿险', '身故险'],
    categories: ['TERM_LIFE'],
    coverage: [],
    marks: ['寿险'],
  },
  {
    label: '惠民保',
    words: ['惠民保', '城市惠民保', '普惠', '普惠险', '城市定制'],
    categories: ['HUIMINBAO'],
    coverage: [],
    marks: ['惠民保'],
  },
  {
    label: '旅行险',
    words: ['旅行险', '旅游险', '旅游', '旅行', '出国', '出境', '境外', '出游', '签证', '申根'],
    categories: ['TRAVEL'],
    coverage: ['travel-medical'],
    marks: ['旅行', '申根签证', '亚洲游'],
  },
  {
    label: '家财险',
    words: ['家财险', '家财', '家庭财产', '财产险', '财产', '房屋', '房子', '水管', '漏水', '水渍', '被盗'],
    categories: ['PROPERTY'],
    coverage: ['home-property'],
    marks: ['家财', '家庭财产', '水渍'],
  },
  {
    label: '质子重离子',
    words: ['质子重离子', '质子', '重离子'],
    categories: [],
    coverage: ['proton-heavy-ion'],
    marks: [],
  },
  {
    label: '特药保障',
    words: ['特药', '特定药品', '靶向药', '特效药'],
    categories: [],
    coverage: ['special-drugs'],
    marks: [],
  },
];

export const SEARCH_AUDIENCES: readonly SearchAudience[] = [
  {
    label: '儿童',
    words: ['儿童', '孩子', '小孩', '宝宝', '宝贝', '少儿', '小朋友', '子女', '儿子', '女儿', '婴儿', '新生儿'],
    minAge: 0,
    maxAge: 17,
    marks: ['少儿', '宝贝', '儿童'],
  },
  {
    label: '学生',
    words: ['学生', '小学生', '中学生', '大学生', '学平险'],
    minAge: 6,
    maxAge: 22,
    marks: ['学生', '少儿', '青春'],
  },
  {
    label: '父母',
    words: ['父母', '爸妈', '爸爸', '妈妈', '父亲', '母亲'],
    minAge: 50,
    maxAge: 75,
    marks: ['老年', '银发', '孝心'],
  },
  {
    label: '老人',
    words: ['老人', '老年人', '老年', '中老年', '长辈', '爷爷', '奶奶', '外公', '外婆', '银发'],
    minAge: 60,
    maxAge: 80,
    marks: ['老年', '银发', '孝心'],
  },
  {
    label: '女性',
    words: ['女性', '女士', '女人', '女生', '老婆', '妻子'],
    minAge: 18,
    maxAge: 60,
    marks: ['女性'],
  },
  {
    label: '成人',
    words: ['成人', '成年人', '大人', '上班族', '自己'],
    minAge: 18,
    maxAge: 60,
    marks: ['成人'],
  },
  {
    label: '全家',
    words: ['全家', '家人', '一家人', '家庭'],
    minAge: 0,
    maxAge: 65,
    marks: ['全家福', '家庭'],
  },
];

/** Words that carry no meaning for the search ("给孩子买的保险" reads as 孩子). */
export const SEARCH_STOPWORDS: readonly string[] = [
  '保险',
  '险',
  '的',
  '给',
  '买',
  '我',
  '想',
  '要',
  '适合',
  '推荐',
  '哪个',
  '哪些',
  '什么',
  '有',
  '好',
  '一份',
  '一个',
  '款',
  '产品',
  '和',
  '与',
  '及',
  '岁',
];
